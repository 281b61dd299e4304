using System.Text.Json;
using System.Text.Json.Serialization;
using Rapport.Intercom.Json;

namespace Rapport.Intercom;

/// <summary>
/// A data event (spec 2.16 <c>data_event</c>; also the item of the <c>event.created</c> webhook). The spec types
/// metadata values as strings, but Intercom's own table (API reference, "Submit a data event") lists numbers, dates,
/// links and money objects, so they stay JSON.
/// </summary>
public sealed record IntercomDataEvent
{
    public string EventName { get; init; } = "";
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The workspace's own user id (<c>external_id</c> of the contact).</summary>
    public string? UserId { get; init; }

    public string? IntercomUserId { get; init; }
    public string? Email { get; init; }
    public IReadOnlyDictionary<string, JsonElement> Metadata { get; init; } = new Dictionary<string, JsonElement>();

    [JsonIgnore]
    public JsonElement Raw { get; init; }

    public static IntercomDataEvent Parse(JsonElement json) =>
        IntercomJson.Parse(json, IntercomJsonContext.Default.IntercomDataEvent) with { Raw = json.Clone() };
}
