using System.Globalization;
using System.Text.Json;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Events;

/// <summary>The spec's <c>data_event</c> and <c>data_event_summary</c>; also the item of <c>event.created</c>.</summary>
internal static class EventJson
{
    public static void Write(Utf8JsonWriter w, SimulatedDataEvent e, SimulatedContact? contact)
    {
        w.WriteStartObject();
        w.WriteString("type", "event");
        w.WriteString("event_name", e.EventName);
        w.WriteUnix("created_at", e.CreatedAt);
        w.WriteStringIfSet("user_id", contact?.ExternalId);
        w.WriteString("intercom_user_id", e.ContactId);
        w.WriteStringIfSet("email", contact?.Email);
        w.WriteStartObject("metadata");
        foreach (var (key, value) in e.Metadata) { w.WriteString(key, value); }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The list: <c>events</c> are data events, newest first; <c>pages.next</c> is a URL, as in the spec example.</summary>
    public static void WriteList(Utf8JsonWriter w, SimulatedContact contact, IReadOnlyList<SimulatedDataEvent> events, string? next)
    {
        WriteHeader(w, contact);
        w.WriteStartArray("events");
        foreach (var e in events) { Write(w, e, contact); }
        w.WriteEndArray();
        w.WriteStartObject("pages");
        w.WriteString("next", next);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>summary=true: one <c>data_event_summary_item</c> per event name; first/last are ISO 8601 as in the spec example.
    /// Counts include events older than 90 days (spec GET /events description).</summary>
    public static void WriteSummary(Utf8JsonWriter w, SimulatedContact contact, IEnumerable<SimulatedDataEvent> events)
    {
        WriteHeader(w, contact);
        w.WriteStartArray("events");
        foreach (var group in events.GroupBy(e => e.EventName, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("name", group.Key);
            w.WriteString("first", group.Min(e => e.CreatedAt).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            w.WriteString("last", group.Max(e => e.CreatedAt).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            w.WriteNumber("count", group.Count());
            w.WriteString("description", "");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteHeader(Utf8JsonWriter w, SimulatedContact contact)
    {
        w.WriteStartObject();
        w.WriteString("type", "event.summary");
        w.WriteStringIfSet("email", contact.Email);
        w.WriteString("intercom_user_id", contact.Id);
        w.WriteStringIfSet("user_id", contact.ExternalId);
    }
}
