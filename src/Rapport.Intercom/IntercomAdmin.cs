using System.Text.Json;
using System.Text.Json.Serialization;
using Rapport.Intercom.Json;

namespace Rapport.Intercom;

/// <summary>Intercom's <c>admin</c> object, a teammate (spec 2.16 <c>components.schemas.admin</c>).</summary>
public sealed record IntercomAdmin
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? JobTitle { get; init; }
    public bool? AwayModeEnabled { get; init; }
    public bool? AwayModeReassign { get; init; }

    /// <summary>A paid inbox seat: only such admins can reply to conversations.</summary>
    public bool? HasInboxSeat { get; init; }

    public IReadOnlyList<long> TeamIds { get; init; } = [];

    [JsonIgnore]
    public JsonElement Raw { get; init; }

    public static IntercomAdmin Parse(JsonElement json) =>
        IntercomJson.Parse(json, IntercomJsonContext.Default.IntercomAdmin) with { Raw = json.Clone() };
}
