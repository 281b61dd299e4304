using System.Text.Json;
using System.Text.Json.Serialization;
using Rapport.Intercom.Json;

namespace Rapport.Intercom;

/// <summary>Intercom's <c>tag</c> object (spec 2.16 <c>components.schemas.tag</c>).</summary>
public sealed record IntercomTag
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }

    [JsonIgnore]
    public JsonElement Raw { get; init; }

    public static IntercomTag Parse(JsonElement json) =>
        IntercomJson.Parse(json, IntercomJsonContext.Default.IntercomTag) with { Raw = json.Clone() };
}
