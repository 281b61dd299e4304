using System.Text.Json;
using System.Text.RegularExpressions;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Conversations;

internal static partial class ConversationJson
{
    /// <summary><c>conversation_statistics</c>, derived from the parts; <c>count_conversation_parts</c> counts every part,
    /// so a client can tell when GET returned fewer than exist.</summary>
    private static void WriteStatistics(Utf8JsonWriter w, SimulatedConversation c)
    {
        DateTimeOffset? firstContact = null, lastContact = null, firstAdmin = null, lastAdmin = null;
        DateTimeOffset? firstClose = null, lastClose = null, firstAssignment = null, lastAssignment = null;
        string? lastClosedBy = null;
        if (c.Source.Author.Type is "user" or "lead") { firstContact = lastContact = c.CreatedAt; }
        foreach (var p in c.Parts)
        {
            var byContact = p.Author.Type is "user" or "lead";
            switch (p.PartType)
            {
                case "comment" when byContact:
                    firstContact ??= p.CreatedAt;
                    lastContact = p.CreatedAt;
                    break;
                case "comment" when p.Author.Type == "admin":
                    firstAdmin ??= p.CreatedAt;
                    lastAdmin = p.CreatedAt;
                    break;
                case "close":
                    firstClose ??= p.CreatedAt;
                    lastClose = p.CreatedAt;
                    lastClosedBy = p.Author.Id;
                    break;
                case "assignment":
                    firstAssignment ??= p.CreatedAt;
                    lastAssignment = p.CreatedAt;
                    break;
            }
        }

        w.WriteStartObject("statistics");
        w.WriteString("type", "conversation_statistics");
        w.WriteUnixIfSet("first_contact_reply_at", firstContact);
        w.WriteUnixIfSet("last_contact_reply_at", lastContact);
        w.WriteUnixIfSet("first_admin_reply_at", firstAdmin);
        w.WriteUnixIfSet("last_admin_reply_at", lastAdmin);
        w.WriteUnixIfSet("first_close_at", firstClose);
        w.WriteUnixIfSet("last_close_at", lastClose);
        w.WriteStringIfSet("last_closed_by_id", lastClosedBy);
        w.WriteUnixIfSet("first_assignment_at", firstAssignment);
        w.WriteUnixIfSet("last_assignment_at", lastAssignment);
        w.WriteNumber("count_reopens", c.CountReopens);
        w.WriteNumber("count_assignments", c.CountAssignments);
        w.WriteNumber("count_conversation_parts", c.Parts.Count);
        w.WriteEndObject();
    }

    private static void WriteFirstContactReply(Utf8JsonWriter w, SimulatedConversation c)
    {
        var at = c.Source.Author.Type is "user" or "lead" ? c.CreatedAt
            : c.Parts.Find(p => p.PartType == "comment" && p.Author.Type is "user" or "lead")?.CreatedAt;
        if (at is not { } value)
        {
            w.WriteNull("first_contact_reply");
            return;
        }

        w.WriteStartObject("first_contact_reply");
        w.WriteUnix("created_at", value);
        w.WriteString("type", c.Source.Type);
        w.WriteNull("url");
        w.WriteEndObject();
    }

    // The 2.16 conversation schema declares no ticket field, but every spec example carries "ticket": null: a ticket
    // conversation carries the ticket object.
    private static void WriteTicket(Utf8JsonWriter w, SimulatedConversation c)
    {
        if (c.Ticket is not { } t)
        {
            w.WriteNull("ticket");
            return;
        }

        w.WriteStartObject("ticket");
        w.WriteString("type", "ticket");
        w.WriteString("id", t.Id);
        w.WriteString("ticket_id", t.TicketId);
        w.WriteString("category", t.Category);
        w.WriteStartObject("ticket_state");
        w.WriteString("type", "ticket_state");
        w.WriteString("category", t.StateCategory);
        w.WriteString("internal_label", t.StateCategory.Replace('_', ' '));
        w.WriteString("external_label", t.StateCategory.Replace('_', ' '));
        w.WriteEndObject();
        w.WriteStartObject("ticket_type");
        w.WriteString("type", "ticket_type");
        w.WriteString("name", t.TypeName);
        w.WriteString("category", t.Category);
        w.WriteEndObject();
        w.WriteUnix("created_at", c.CreatedAt);
        w.WriteUnix("updated_at", c.UpdatedAt);
        w.WriteBoolean("open", c.Open);
        w.WriteBoolean("is_shared", t.Category == "Customer");
        w.WriteEndObject();
    }

    /// <summary>HTML to text as display_as=plaintext gives it: tags dropped, entities decoded.</summary>
    public static string PlainText(string html) => Spaces().Replace(System.Net.WebUtility.HtmlDecode(Tags().Replace(html, " ")).Trim(), " ");

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
