using System.Text.Json;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Catalog;

/// <summary>The small objects of the spec: <c>segment</c>, <c>tag</c>, <c>admin</c>.</summary>
internal static class CatalogJson
{
    public static void WriteSegment(Utf8JsonWriter w, SimulatedSegment s, int? count)
    {
        w.WriteStartObject();
        w.WriteString("type", "segment");
        w.WriteString("id", s.Id);
        w.WriteString("name", s.Name);
        w.WriteUnix("created_at", s.CreatedAt);
        w.WriteUnix("updated_at", s.UpdatedAt);
        w.WriteString("person_type", s.PersonType);
        if (count is { } n) { w.WriteNumber("count", n); }
        w.WriteEndObject();
    }

    public static void WriteSegmentList(Utf8JsonWriter w, IEnumerable<SimulatedSegment> segments, string type, string arrayName, Func<SimulatedSegment, int>? count = null)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteStartArray(arrayName);
        foreach (var segment in segments) { WriteSegment(w, segment, count?.Invoke(segment)); }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteTagList(Utf8JsonWriter w, IEnumerable<SimulatedTag> tags)
    {
        w.WriteStartObject();
        w.WriteString("type", "list");
        w.WriteStartArray("data");
        foreach (var tag in tags) { WriteTag(w, tag); }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteTag(Utf8JsonWriter w, SimulatedTag tag)
    {
        w.WriteStartObject();
        w.WriteString("type", "tag");
        w.WriteString("id", tag.Id);
        w.WriteString("name", tag.Name);
        w.WriteEndObject();
    }

    public static void WriteAdmin(Utf8JsonWriter w, SimulatedAdmin a, Action<Utf8JsonWriter>? extra = null)
    {
        w.WriteStartObject();
        w.WriteString("type", "admin");
        w.WriteString("id", a.Id);
        w.WriteString("name", a.Name);
        w.WriteString("email", a.Email);
        w.WriteString("job_title", a.JobTitle);
        w.WriteBoolean("away_mode_enabled", a.AwayModeEnabled);
        w.WriteBoolean("away_mode_reassign", false);
        w.WriteBoolean("has_inbox_seat", a.HasInboxSeat);
        w.WriteStartArray("team_ids");
        w.WriteEndArray();
        extra?.Invoke(w);
        w.WriteEndObject();
    }
}
