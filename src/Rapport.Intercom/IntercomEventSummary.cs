using System.Text.Json;
using Rapport.Intercom.Json;

namespace Rapport.Intercom;

/// <summary>One event name of a user's summary (spec 2.16 <c>data_event_summary_item</c>); counts include events older than 90 days.</summary>
public sealed record IntercomEventSummary
{
    public string Name { get; init; } = "";
    public DateTimeOffset? First { get; init; }
    public DateTimeOffset? Last { get; init; }
    public int Count { get; init; }
    public string? Description { get; init; }

    public static IntercomEventSummary Parse(JsonElement json) =>
        IntercomJson.Parse(json, IntercomJsonContext.Default.IntercomEventSummary);
}
