using System.Text.Json;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Conversations;

/// <summary>The spec's <c>conversation</c> object (spec 2.16). List and search results carry no parts; GET carries the
/// 500 most recent; a webhook item carries the part that triggered it.</summary>
internal static partial class ConversationJson
{
    /// <summary>"If you have more than that we will return the 500 most recent conversation parts" (spec GET /conversations/{id}).</summary>
    public const int PartLimit = 500;

    public static void WriteList(Utf8JsonWriter w, IReadOnlyList<SimulatedConversation> page, SimulatorWorkspace workspace, int pageNumber, int perPage, int total, string? next)
    {
        w.WriteStartObject();
        w.WriteString("type", "conversation.list");
        w.WriteStartArray("conversations");
        foreach (var conversation in page) { Write(w, conversation, workspace, parts: null, plainText: false); }
        w.WriteEndArray();
        w.WriteNumber("total_count", total);
        PagesJson.WriteCursor(w, pageNumber, perPage, total, next);
        w.WriteEndObject();
    }

    /// <param name="parts">Null leaves <c>conversation_parts</c> out.</param>
    /// <param name="plainText">display_as=plaintext, and every webhook payload since API 2.15 (the spec's
    /// <c>conversation_part</c> description).</param>
    public static void Write(Utf8JsonWriter w, SimulatedConversation c, SimulatorWorkspace workspace, IReadOnlyList<SimulatedConversationPart>? parts, bool plainText)
    {
        w.WriteStartObject();
        w.WriteString("type", "conversation");
        w.WriteString("id", c.Id);
        w.WriteString("title", c.Title);
        w.WriteUnix("created_at", c.CreatedAt);
        w.WriteUnix("updated_at", c.UpdatedAt);
        w.WriteUnixOrNull("waiting_since", c.WaitingSince);
        w.WriteUnixOrNull("snoozed_until", c.SnoozedUntil);
        WriteSource(w, c.Source, plainText);
        w.WriteStartObject("contacts");
        w.WriteString("type", "contact.list");
        w.WriteStartArray("contacts");
        foreach (var id in c.ContactIds)
        {
            w.WriteStartObject();
            w.WriteString("type", "contact");
            w.WriteString("id", id);
            w.WriteString("external_id", workspace.ContactUnlocked(id)?.ExternalId);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        WriteFirstContactReply(w, c);
        w.WriteNumber("admin_assignee_id", AdminNumber(c.AdminAssigneeId));
        w.WriteNumber("team_assignee_id", 0);
        w.WriteBoolean("open", c.Open);
        w.WriteString("state", c.State);
        w.WriteBoolean("read", c.Read);
        w.WriteStartObject("tags");
        w.WriteString("type", "tag.list");
        w.WriteStartArray("tags");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteString("priority", c.Priority);
        w.WriteNull("sla_applied");
        WriteStatistics(w, c);
        w.WriteNull("conversation_rating");
        w.WriteStartObject("teammates");
        w.WriteString("type", "admin.list");
        w.WriteStartArray("teammates");
        foreach (var id in c.TeammateIds)
        {
            w.WriteStartObject();
            w.WriteString("type", "admin");
            w.WriteString("id", id);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("custom_attributes");
        w.WriteEndObject();
        w.WriteStartObject("topics");
        w.WriteEndObject();
        WriteTicket(w, c);
        w.WriteStartObject("linked_objects");
        w.WriteString("type", "list");
        w.WriteStartArray("data");
        w.WriteEndArray();
        w.WriteNumber("total_count", 0);
        w.WriteBoolean("has_more", false);
        w.WriteEndObject();
        w.WriteBoolean("ai_agent_participated", c.AiAgentParticipated);
        if (parts is not null)
        {
            w.WriteStartObject("conversation_parts");
            w.WriteString("type", "conversation_part.list");
            w.WriteStartArray("conversation_parts");
            foreach (var part in parts) { WritePart(w, part, plainText); }
            w.WriteEndArray();
            w.WriteNumber("total_count", c.Parts.Count);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>The 500 most recent parts, oldest first.</summary>
    public static IReadOnlyList<SimulatedConversationPart> RecentParts(SimulatedConversation c) =>
        c.Parts.Count <= PartLimit ? c.Parts : c.Parts.GetRange(c.Parts.Count - PartLimit, PartLimit);

    private static long AdminNumber(string? id) => long.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0;

    private static void WriteSource(Utf8JsonWriter w, SimulatedConversationSource s, bool plainText)
    {
        w.WriteStartObject("source");
        w.WriteString("type", s.Type);
        w.WriteString("id", s.Id);
        w.WriteString("delivered_as", s.DeliveredAs);
        w.WriteString("subject", s.Subject);
        w.WriteString("body", plainText ? PlainText(s.Body) : s.Body);
        w.WriteStartObject("author");
        w.WriteString("type", s.Author.Type);
        w.WriteString("id", s.Author.Id);
        w.WriteString("name", s.Author.Name);
        w.WriteString("email", s.Author.Email);
        w.WriteEndObject();
        WriteAttachments(w, s.Attachments);
        w.WriteString("url", s.Url);
        w.WriteBoolean("redacted", false);
        w.WriteEndObject();
    }

    private static void WritePart(Utf8JsonWriter w, SimulatedConversationPart p, bool plainText)
    {
        w.WriteStartObject();
        w.WriteString("type", "conversation_part");
        w.WriteString("id", p.Id);
        w.WriteString("part_type", p.PartType);
        w.WriteString("body", p.Body is null ? null : plainText ? PlainText(p.Body) : p.Body);
        w.WriteUnix("created_at", p.CreatedAt);
        w.WriteUnix("updated_at", p.CreatedAt);
        w.WriteUnix("notified_at", p.CreatedAt);
        // Left out when nobody was assigned: the schema's $ref admits no null, though the spec example sends one.
        if (p.AssignedToAdminId is { } assignee)
        {
            w.WriteStartObject("assigned_to");
            w.WriteString("type", "admin");
            w.WriteString("id", assignee);
            w.WriteEndObject();
        }

        w.WriteStartObject("author");
        w.WriteString("type", p.Author.Type);
        w.WriteString("id", p.Author.Id);
        w.WriteString("name", p.Author.Name);
        w.WriteStringIfSet("email", p.Author.Email);
        w.WriteBoolean("from_ai_agent", p.Author.Type == "bot");
        w.WriteBoolean("is_ai_answer", p.Author.Type == "bot" && p.PartType == "comment");
        w.WriteEndObject();
        WriteAttachments(w, p.Attachments);
        w.WriteNull("external_id");
        w.WriteBoolean("redacted", false);
        w.WriteString("state", p.State);
        w.WriteStartArray("tags");
        w.WriteEndArray();
        w.WriteNull("app_package_code");
        w.WriteEndObject();
    }

    private static void WriteAttachments(Utf8JsonWriter w, IReadOnlyList<SimulatedAttachment> attachments)
    {
        w.WriteStartArray("attachments");
        foreach (var a in attachments)
        {
            w.WriteStartObject();
            w.WriteString("type", "upload");
            w.WriteString("name", a.Name);
            w.WriteString("url", a.Url);
            w.WriteString("content_type", a.ContentType);
            w.WriteNumber("filesize", a.Filesize);
            if (a.Width is { } width) { w.WriteNumber("width", width); }
            if (a.Height is { } height) { w.WriteNumber("height", height); }
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
