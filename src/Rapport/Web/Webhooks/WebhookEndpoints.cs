using Rapport.Intercom.Webhooks;
using Rapport.Application.Webhooks;

namespace Rapport.Web.Webhooks;

/// <summary>
/// <c>/webhooks/intercom</c>: verify the signature on the raw bytes, append to the inbox, answer 200 once it is committed.
/// Nothing else happens in the request (no Intercom calls, no mapping): Intercom wants an answer within 5 s and ranks
/// endpoints slower than 500 ms lower (Intercom's webhook documentation). The worker applies the inbox.
/// </summary>
internal static class WebhookEndpoints
{
    public const string Path = "/webhooks/intercom";

    /// <summary>Intercom's largest items (a contact with many attributes, a conversation part) are far below this.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapIntercomWebhooks(this IEndpointRouteBuilder app)
    {
        // Intercom validates an endpoint with a HEAD request before it subscribes it.
        app.MapMethods(Path, [HttpMethods.Head], () => TypedResults.Ok()).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, RapportWebOptions options, InboxAppender inbox, CancellationToken cancellationToken)
    {
        if (options.Intercom.ClientSecret is not { Length: > 0 } secret)
            return TypedResults.Problem("Webhooks need the Intercom app's client secret in the configuration.", statusCode: StatusCodes.Status503ServiceUnavailable);

        var body = await ReadCappedAsync(http.Request, cancellationToken);
        if (body is null)
            return TypedResults.Problem($"The body is larger than {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);

        if (!IntercomWebhookSignature.IsValid(body, http.Request.Headers[IntercomWebhookSignature.HeaderName], secret))
            return TypedResults.Problem($"Missing or wrong {IntercomWebhookSignature.HeaderName}.", statusCode: StatusCodes.Status401Unauthorized);

        IntercomNotification notification;
        try
        {
            notification = IntercomNotification.Parse(body);
        }
        catch (IntercomInvalidNotificationException error)
        {
            return TypedResults.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        if (notification.Topic == "ping")
            return TypedResults.Ok();

        await inbox.AppendAsync(InboxEntry.From(notification, System.Text.Encoding.UTF8.GetString(body)), cancellationToken);
        return TypedResults.Ok();
    }

    /// <summary>The body, or null when it is over <see cref="MaxBodyBytes"/> (told by Content-Length or found while reading).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
            return null;
        var buffer = new byte[request.ContentLength is { } length ? (int)length + 1 : 16 * 1024];
        var read = 0;
        while (true)
        {
            if (read == buffer.Length)
            {
                if (buffer.Length > MaxBodyBytes)
                    return null;
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
            }

            var n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
                return read > MaxBodyBytes ? null : buffer[..read];
            read += n;
        }
    }
}
