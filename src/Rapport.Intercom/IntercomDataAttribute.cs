using System.Text.Json;
using System.Text.Json.Serialization;
using Rapport.Intercom.Json;

namespace Rapport.Intercom;

/// <summary>Intercom's <c>data_attribute</c> object (spec 2.16 <c>components.schemas.data_attribute</c>).</summary>
public sealed record IntercomDataAttribute
{
    /// <summary>Only custom attributes have an id.</summary>
    public long? Id { get; init; }

    /// <summary>"contact" or "company".</summary>
    public string? Model { get; init; }

    /// <summary>The key to write under <c>custom_attributes</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>E.g. <c>custom_attributes.health</c>.</summary>
    public string? FullName { get; init; }

    public string? Label { get; init; }
    public string? Description { get; init; }

    /// <summary>string, integer, float, boolean, date (or datetime).</summary>
    public string? DataType { get; init; }

    public IReadOnlyList<string>? Options { get; init; }
    public bool? ApiWritable { get; init; }
    public bool? MessengerWritable { get; init; }
    public bool? UiWritable { get; init; }
    public bool? Custom { get; init; }
    public bool? Archived { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public string? AdminId { get; init; }

    [JsonIgnore]
    public JsonElement Raw { get; init; }

    public static IntercomDataAttribute Parse(JsonElement json) =>
        IntercomJson.Parse(json, IntercomJsonContext.Default.IntercomDataAttribute) with { Raw = json.Clone() };
}
