using System.Net;
using System.Text.Json;
using Rapport.Intercom.Json;

namespace Rapport.Intercom;

public sealed partial class IntercomClient
{
    private async Task<IntercomPage<IntercomCompany>> OpenScrollAsync(CancellationToken cancellationToken)
    {
        var deadline = _timeProvider.GetUtcNow() + _options.ScrollOpenTimeout;
        while (true)
        {
            try
            {
                return await GetAsync("companies/scroll", ParseScrollPage, cancellationToken).ConfigureAwait(false);
            }
            catch (IntercomApiException exception) when (IsScrollAlreadyOpen(exception) && _timeProvider.GetUtcNow() < deadline)
            {
                await Task.Delay(_options.ScrollOpenRetryInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // A retry could silently skip a page (the scroll advances on Intercom's side), so only failures Intercom surely did not
    // act on are retried; anything else ends the scroll.
    private async Task<IntercomPage<IntercomCompany>> ContinueScrollAsync(string scrollParam, int pagesRead, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(HttpMethod.Get, $"companies/scroll?scroll_param={Escape(scrollParam)}", body: null, idempotent: false, ParseScrollPage, cancellationToken)
                .ConfigureAwait(false);
        }
        // Out of patience is the caller's answer already: restarting would only start the wait again.
        catch (IntercomException exception) when (exception is not (IntercomUnauthorizedException or IntercomPatienceExceededException))
        {
            throw new IntercomScrollExpiredException(pagesRead, exception);
        }
    }

    // Intercom's wording is undocumented ("You'll get an error message", spec 2.16 GET /companies/scroll): any client error
    // that mentions the scroll, on the request that opens one, means another scroll is open.
    private static bool IsScrollAlreadyOpen(IntercomApiException exception) =>
        exception is not (IntercomRateLimitException or IntercomUnauthorizedException or IntercomNotFoundException)
        && exception.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.Locked or HttpStatusCode.TooManyRequests or HttpStatusCode.UnprocessableEntity
        && ((exception.ErrorCode?.Contains("scroll", StringComparison.OrdinalIgnoreCase) ?? false)
            || (exception.ErrorMessage?.Contains("scroll", StringComparison.OrdinalIgnoreCase) ?? false));

    // spec 2.16 company_scroll: {data[], pages, total_count (nullable), scroll_param}
    private static IntercomPage<IntercomCompany> ParseScrollPage(JsonElement root) =>
        new(Items(root, IntercomCompany.Parse, "data"), root.GetString("scroll_param"), root.GetInt32("total_count"));
}
