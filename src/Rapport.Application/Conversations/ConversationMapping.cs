using System.Text;
using System.Text.Json;
using Rapport.Hub.Conversations;
using Rapport.Intercom;

namespace Rapport.Application.Conversations;

/// <summary>Intercom's conversation, read with its parts, as the hub keeps it.</summary>
internal static class ConversationMapping
{
    public const string Source = "intercom";

    /// <summary>The part type given to the opening message, which Intercom sends as <c>source</c> rather than as a part.</summary>
    public const string OpeningPartType = "source";

    public static SourceConversation ToSource(IntercomConversation c, IReadOnlyList<string> userExternalIds)
    {
        var parts = new List<ConversationPart>(c.Parts.Count + 1);
        if (c.Source is { Id: { } sourceId } source)
        {
            parts.Add(new ConversationPart(
                sourceId, OpeningPartType, source.Body, source.Author?.Type, source.Author?.Id, source.Author?.Name, source.Author?.Email,
                c.CreatedAt, c.CreatedAt, Attachments(source.Attachments)));
        }

        parts.AddRange(c.Parts.Select(p => new ConversationPart(
            p.Id, p.PartType, p.Body, p.Author?.Type, p.Author?.Id, p.Author?.Name, p.Author?.Email, p.CreatedAt, p.UpdatedAt ?? p.CreatedAt,
            Attachments(p.Attachments))));

        return new SourceConversation(
            Source, c.Id, c.State, c.Open, c.Source?.Type, c.Source?.DeliveredAs,
            BotInitiated: c.Source is { DeliveredAs: "operator_initiated" } || c.Source?.Author?.IsBot == true,
            c.Title, c.Source?.Subject is { Length: > 0 } subject ? subject : null,
            c.Statistics?.CountConversationParts ?? c.ConversationParts?.TotalCount, c.PartsTruncated,
            c.CreatedAt, c.UpdatedAt, RawWithoutParts(c.Raw), userExternalIds, parts);
    }

    /// <summary>The conversation's JSON as received, less its parts, which are kept one by one.</summary>
    private static string RawWithoutParts(JsonElement raw)
    {
        if (raw.ValueKind != JsonValueKind.Object)
            return "{}";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in raw.EnumerateObject().Where(p => p.Name != "conversation_parts"))
                property.WriteTo(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Attachments(IReadOnlyList<IntercomAttachment> attachments)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var a in attachments)
            {
                writer.WriteStartObject();
                WriteIf(writer, "type", a.Type);
                WriteIf(writer, "name", a.Name);
                WriteIf(writer, "url", a.Url);
                WriteIf(writer, "content_type", a.ContentType);
                if (a.Filesize is { } size) writer.WriteNumber("filesize", size);
                if (a.Width is { } width) writer.WriteNumber("width", width);
                if (a.Height is { } height) writer.WriteNumber("height", height);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteIf(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
            writer.WriteString(name, value);
    }
}
