using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Rapport.Intercom.Json;

namespace Rapport.Intercom;

public sealed partial class IntercomClient
{
    /// <summary>
    /// Every company, via GET /companies/scroll until an empty page (with or without a <c>scroll_param</c>) or a page without
    /// a <c>scroll_param</c>. One scroll runs at a time per container (Intercom allows one open scroll per app; if another
    /// process holds one, this waits up to <see cref="IntercomClientOptions.ScrollOpenTimeout"/>). A failure after the first
    /// page throws <see cref="IntercomScrollExpiredException"/>: a scroll cannot be resumed, restarting from the beginning is
    /// the caller's decision, and the next scroll of this container first waits for the broken one to expire
    /// (<see cref="IntercomClientOptions.ScrollExpiry"/>). So does the next one after a caller stopped early.
    /// </summary>
    public async IAsyncEnumerable<IntercomPage<IntercomCompany>> ScrollCompaniesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _scrollGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var leftOpen = false;
        try
        {
            await _scrollGate.WaitForAbandonedAsync(_timeProvider, cancellationToken).ConfigureAwait(false);
            var page = await OpenScrollAsync(cancellationToken).ConfigureAwait(false);
            var pagesRead = 0;
            while (page.Items.Count > 0 && page.NextCursor is { } scrollParam)
            {
                pagesRead++;
                leftOpen = true;
                yield return page;
                try
                {
                    page = await ContinueScrollAsync(scrollParam, pagesRead, cancellationToken).ConfigureAwait(false);
                }
                catch (IntercomScrollExpiredException broken) when (broken.InnerException is IntercomNotFoundException)
                {
                    // Intercom no longer knows the scroll_param: nothing is left open to wait for.
                    leftOpen = false;
                    throw;
                }
            }

            // Intercom closes the scroll with its last page; one that ends with data and no scroll_param is closed too.
            leftOpen = false;
            if (page.Items.Count > 0)
            {
                yield return page;
            }
        }
        finally
        {
            if (leftOpen)
            {
                _scrollGate.Abandoned(_timeProvider.GetUtcNow() + _options.ScrollExpiry);
            }

            _scrollGate.Release();
        }
    }

    /// <summary>
    /// POST /companies/list, newest <c>last_request_at</c> first, by page number. Leaves out companies without users
    /// and stops at 10,000 companies (Intercom's API reference, "List all companies");
    /// <see cref="IntercomPage{T}.NextCursor"/> is the next page number.
    /// </summary>
    public async IAsyncEnumerable<IntercomPage<IntercomCompany>> ListCompaniesAsync(int perPage = 50, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perPage);
        var pageNumber = 1;
        while (true)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"companies/list?page={pageNumber}&per_page={perPage}&order=desc");
            var page = await SendAsync(HttpMethod.Post, path, body: null, idempotent: true, ParseNumberedPage, cancellationToken).ConfigureAwait(false);
            if (page.Items.Count == 0)
            {
                yield break;
            }

            yield return page;
            if (page.NextCursor is null)
            {
                yield break;
            }

            pageNumber++;
        }
    }

    /// <summary>GET /companies/{id}, by Intercom's id. 404 → <see cref="IntercomNotFoundException"/>.</summary>
    public Task<IntercomCompany> GetCompanyAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return GetAsync($"companies/{Escape(id)}", IntercomCompany.Parse, cancellationToken);
    }

    /// <summary>GET /companies?company_id=, by the workspace's own company id; null when there is none.</summary>
    public async Task<IntercomCompany?> FindCompanyByCompanyIdAsync(string companyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(companyId);
        try
        {
            return await GetAsync($"companies?company_id={Escape(companyId)}", ParseCompanyOrList, cancellationToken).ConfigureAwait(false);
        }
        catch (IntercomNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// PUT /companies/{id}: updates by Intercom id and never creates (unlike POST /companies, an upsert by company_id,
    /// which this client deliberately does not offer). 404 → <see cref="IntercomNotFoundException"/>.
    /// </summary>
    public Task<IntercomCompany> UpdateCompanyAsync(string id, IntercomCompanyUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(update);
        var body = JsonSerializer.SerializeToUtf8Bytes(update, IntercomJsonContext.Default.IntercomCompanyUpdate);
        return SendAsync(HttpMethod.Put, $"companies/{Escape(id)}", body, idempotent: true, IntercomCompany.Parse, cancellationToken);
    }

    private static IntercomPage<IntercomCompany> ParseNumberedPage(JsonElement root)
    {
        var pages = root.GetObject("pages");
        var page = pages.GetInt32("page") ?? 1;
        var totalPages = pages.GetInt32("total_pages") ?? page;
        var next = page < totalPages ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;
        return new IntercomPage<IntercomCompany>(Items(root, IntercomCompany.Parse, "data"), next, root.GetInt32("total_count"));
    }

    // The 2.16 spec answers GET /companies?company_id= with a company_list; Intercom has been seen answering the bare company.
    private static IntercomCompany? ParseCompanyOrList(JsonElement root) =>
        root.GetString("type") == "list" ? Items(root, IntercomCompany.Parse, "data").FirstOrDefault() : IntercomCompany.Parse(root);
}
