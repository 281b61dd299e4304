using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rapport.Hub.Segment;
using Rapport.Hub.Accounts;

namespace Rapport.Application.Segment;

/// <summary>
/// Checks calls of Segment's HTTP Tracking API as a client sends them and turns each into an inbox row: the call's JSON
/// with its type set, a messageId (generated when the client sent none) and its batch's context merged in.
/// </summary>
public static class SegmentMessages
{
    private static readonly string[] Types = ["identify", "group", "track", "page", "screen"];

    /// <summary>One checked call, or why it was refused.</summary>
    public readonly record struct Checked(SegmentInboxMessage? Message, string? Error);

    /// <param name="type">The endpoint's type (<c>/v1/track</c> → track), or null inside a batch where the message says it.</param>
    /// <param name="batchContext">The batch's <c>context</c>, merged under the message's own.</param>
    public static Checked Check(JsonNode? node, string? type, JsonObject? batchContext = null)
    {
        if (node is not JsonObject message)
            return new(null, "a message must be a JSON object");
        type ??= message["type"] is JsonValue t && t.TryGetValue<string>(out var named) ? named : null;
        if (type is null || !Types.Contains(type))
            return new(null, type is null ? "the message has no type" : $"type '{type}' is not one of identify, group, track, page, screen");
        message["type"] = type == "screen" ? "page" : type;
        if (Text(message, "userId") is null && Text(message, "anonymousId") is null)
            return new(null, "userId or anonymousId is required");
        if (type == "group" && Text(message, "groupId") is null)
            return new(null, "a group call needs a groupId");
        if (type == "track" && Text(message, "event") is null)
            return new(null, "a track call needs an event name");
        foreach (var field in (string[])["traits", "properties", "context"])
        {
            if (message[field] is { } value && value is not JsonObject)
                return new(null, $"{field} must be an object");
        }

        foreach (var field in (string[])["traits", "properties"])
        {
            if (SegmentNumbers.FindTooLarge(message[field], field) is { } tooLarge)
                return new(null, tooLarge);
        }

        if (Text(message, "timestamp") is { } timestamp && !DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            return new(null, $"timestamp '{timestamp}' is not an ISO 8601 date");
        if (batchContext is not null)
        {
            var context = message["context"] as JsonObject ?? [];
            foreach (var (key, value) in batchContext)
            {
                if (!context.ContainsKey(key))
                    context[key] = value?.DeepClone();
            }

            message["context"] = context;
        }

        var messageId = Text(message, "messageId") ?? $"rapport-{Guid.NewGuid():N}";
        message["messageId"] = messageId;
        var body = message.ToJsonString();
        if (Encoding.UTF8.GetByteCount(body) > SegmentSource.MaxMessageBytes)
            return new(null, $"the message is larger than Segment's limit of 32 KB per call ({SegmentSource.MaxMessageBytes} bytes)");
        return new(new SegmentInboxMessage(messageId, (string)message["type"]!, body), null);
    }

    /// <summary>A string field, or a number's text (Segment's libraries send ids as either); null when missing or empty.</summary>
    internal static string? Text(JsonObject message, string name) => message[name] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>() is { Length: > 0 } s ? s : null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };
}
