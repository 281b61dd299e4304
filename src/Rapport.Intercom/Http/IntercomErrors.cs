using System.Net;
using System.Text.Json;

namespace Rapport.Intercom.Http;

/// <summary>Turns an error response into the matching typed exception.</summary>
internal static class IntercomErrors
{
    public static async Task<IntercomApiException> ReadAsync(HttpResponseMessage response, string endpoint, Uri baseAddress, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var (code, message, requestId) = ParseErrorList(body);
        var details = new IntercomErrorDetails(response.StatusCode, endpoint, code, message, requestId, body);
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new IntercomUnauthorizedException(details, baseAddress),
            HttpStatusCode.NotFound => new IntercomNotFoundException(details),
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => new IntercomValidationException(details),
            HttpStatusCode.TooManyRequests => RateLimited(details, response),
            _ => new IntercomApiException(details),
        };
    }

    private static IntercomRateLimitException RateLimited(IntercomErrorDetails details, HttpResponseMessage response)
    {
        int? limit = IntercomRateLimitGate.TryGetLong(response.Headers, "X-RateLimit-Limit", out var l) ? (int)l : null;
        int? remaining = IntercomRateLimitGate.TryGetLong(response.Headers, "X-RateLimit-Remaining", out var r) ? (int)r : null;
        DateTimeOffset? reset = IntercomRateLimitGate.TryGetLong(response.Headers, "X-RateLimit-Reset", out var s) ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
        var retryAfter = response.Headers.RetryAfter?.Delta;
        return new IntercomRateLimitException(details, limit, remaining, reset, retryAfter);
    }

    // spec 2.16 components.schemas.error: {"type":"error.list","request_id":…,"errors":[{"code","message","field"}]}
    private static (string? Code, string? Message, string? RequestId) ParseErrorList(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null);
            }

            var requestId = root.TryGetProperty("request_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                return (Text(first, "code"), Text(first, "message"), requestId);
            }

            return (Text(root, "code"), Text(root, "message"), requestId);
        }
        catch (JsonException)
        {
            return (null, body.Length is > 0 and <= 200 ? body.Trim() : null, null);
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
