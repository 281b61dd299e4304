using System.Text.Json;
using Rapport.Intercom.Json;

namespace Rapport.Intercom.Messaging;

/// <summary>The <c>message</c> POST /messages returns (spec 2.16 <c>components.schemas.message</c>).</summary>
/// <param name="ConversationId">The conversation it opened, when Intercom says (the spec's admin example has none).</param>
public sealed record IntercomMessage(string Id, string? Type, string? MessageType, string? Subject, string? Body, string? ConversationId, DateTimeOffset? CreatedAt)
{
    public static IntercomMessage Parse(JsonElement json) => new(
        IdOf(json, "id") ?? throw new JsonException("a message without an id"),
        json.GetString("type"),
        json.GetString("message_type"),
        json.GetString("subject"),
        json.GetString("body"),
        IdOf(json, "conversation_id"),
        json.TryGetProperty("created_at", out var created) && created.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeSeconds(created.GetInt64()) : null);

    // Ids are strings in the spec, but Intercom has sent some as numbers.
    private static string? IdOf(JsonElement json, string property) =>
        json.TryGetProperty(property, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
