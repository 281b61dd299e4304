using System.Text.Json;
using System.Text.Json.Serialization;
using Rapport.Intercom.Json;

namespace Rapport.Intercom;

/// <summary>Intercom's <c>segment</c> object (spec 2.16 <c>components.schemas.segment</c>).</summary>
public sealed record IntercomSegment
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>"contact" or "user".</summary>
    public string? PersonType { get; init; }

    /// <summary>Members; only with <c>include_count=true</c>.</summary>
    public int? Count { get; init; }

    [JsonIgnore]
    public JsonElement Raw { get; init; }

    public static IntercomSegment Parse(JsonElement json) =>
        IntercomJson.Parse(json, IntercomJsonContext.Default.IntercomSegment) with { Raw = json.Clone() };
}
