using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rapport.Hub.Segment;
using Rapport.Application.Segment;

namespace Rapport.Web.Segment;

/// <summary>
/// Segment's HTTP Tracking API (<c>POST /v1/identify|group|track|page|screen|batch</c>), so Segment's libraries and a
/// Segment webhook destination send to Rapport unchanged: Basic auth with the write key as user name, gzip bodies,
/// 32 KB per call and 500 KB per batch. A request is answered <c>{"success": true}</c> only once its calls are stored.
/// </summary>
internal static class SegmentEndpoints
{
    public static IEndpointRouteBuilder MapSegmentIngest(this IEndpointRouteBuilder app)
    {
        foreach (var type in (string[])["identify", "group", "track", "page", "screen"])
        {
            app.MapPost($"/v1/{type}", (HttpContext http, SegmentWriteKey key, SegmentInboxAppender inbox, CancellationToken ct) => ReceiveAsync(http, key, inbox, type, ct))
                .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        }

        app.MapPost("/v1/batch", (HttpContext http, SegmentWriteKey key, SegmentInboxAppender inbox, CancellationToken ct) => ReceiveAsync(http, key, inbox, null, ct))
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, SegmentWriteKey key, SegmentInboxAppender inbox, string? type, CancellationToken cancellationToken)
    {
        // A wrong key in the header is refused before the body is read; a key in the body is checked once it is parsed.
        var headerKey = HeaderKey(http.Request);
        if (headerKey is not null && !await key.MatchesAsync(headerKey, cancellationToken))
            return Unauthorized();
        var limit = type is null ? SegmentSource.MaxBatchBytes : SegmentSource.MaxMessageBytes;
        var body = await SegmentBody.ReadAsync(http.Request, limit, cancellationToken);
        if (body.Error is { } unreadable)
            return Answer(400, unreadable);
        if (body.Bytes is null)
        {
            return Answer(400, type is null
                ? $"The batch is larger than Segment's limit of 500 KB per batch ({SegmentSource.MaxBatchBytes} bytes)."
                : $"The message is larger than Segment's limit of 32 KB per call ({SegmentSource.MaxMessageBytes} bytes).");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body.Bytes);
        }
        catch (JsonException error)
        {
            return Answer(400, $"The body is not valid JSON: {error.Message}");
        }

        if (headerKey is null && !await key.MatchesAsync(root is JsonObject o && o["writeKey"] is JsonValue v && v.TryGetValue<string>(out var inBody) ? inBody : null, cancellationToken))
            return Unauthorized();

        if (type is not null)
        {
            var one = SegmentMessages.Check(root, type);
            if (one.Error is { } error)
                return Answer(400, $"The {type} call was refused: {error}.");
            await inbox.AppendAsync([one.Message!], cancellationToken);
            return TypedResults.Json(new SegmentAnswer(true, null, 1, null));
        }

        if (root is not JsonObject { } batch || batch["batch"] is not JsonArray items)
            return Answer(400, "A batch body is an object with a \"batch\" array of calls.");
        var context = batch["context"] as JsonObject;
        var accepted = new List<SegmentInboxMessage>(items.Count);
        var rejected = new List<SegmentRejection>();
        for (var i = 0; i < items.Count; i++)
        {
            var message = SegmentMessages.Check(items[i]?.DeepClone(), null, context);
            if (message.Message is { } ok)
                accepted.Add(ok);
            else
                rejected.Add(new SegmentRejection(i, (items[i] as JsonObject)?["messageId"]?.ToString(), message.Error!));
        }

        if (accepted.Count > 0)
            await inbox.AppendAsync(accepted, cancellationToken);
        return TypedResults.Json(new SegmentAnswer(true, rejected.Count == 0 ? null : $"{rejected.Count} of {items.Count} calls were refused; the rest are stored.",
            accepted.Count, rejected.Count == 0 ? null : [.. rejected]));
    }

    /// <summary>Basic auth's user name (Segment's libraries send the write key there with an empty password).</summary>
    private static string? HeaderKey(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is not { } parameter)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(parameter)).Split(':', 2)[0];
        }
        catch (FormatException)
        {
            return "";
        }
    }

    private static IResult Unauthorized() =>
        Answer(401, "Missing or wrong write key: send it as the Basic-auth user name (Settings → Integrations → Segment).");

    private static IResult Answer(int status, string message) =>
        TypedResults.Json(new SegmentAnswer(false, message, null, null), statusCode: status);
}

/// <summary>Segment's answer, <c>{"success": true}</c>, with what Rapport refused in a batch.</summary>
internal sealed record SegmentAnswer(
    [property: System.Text.Json.Serialization.JsonPropertyName("success")] bool Success,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Message,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] int? Accepted,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] SegmentRejection[]? Rejected);

/// <param name="Index">The call's position in the batch, from 0.</param>
internal sealed record SegmentRejection(int Index, string? MessageId, string Reason);
