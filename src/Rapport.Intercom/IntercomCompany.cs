using System.Text.Json;
using System.Text.Json.Serialization;
using Rapport.Intercom.Json;

namespace Rapport.Intercom;

/// <summary>
/// Intercom's <c>company</c> object (spec 2.16 <c>components.schemas.company</c>).
/// <see cref="Raw"/> keeps every field as received, modelled or not.
/// </summary>
public sealed record IntercomCompany
{
    /// <summary>Intercom's id (24 hex); the one PUT /companies/{id} takes.</summary>
    public string Id { get; init; } = "";

    /// <summary>The workspace's own company id; absent on some companies.</summary>
    public string? CompanyId { get; init; }

    public string? Name { get; init; }
    public string? AppId { get; init; }
    public IntercomPlan? Plan { get; init; }
    public int? Size { get; init; }
    public string? Website { get; init; }
    public string? Industry { get; init; }
    public decimal? MonthlySpend { get; init; }
    public int? SessionCount { get; init; }
    public int? UserCount { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset? RemoteCreatedAt { get; init; }

    /// <summary>"Company last seen" in Intercom's UI.</summary>
    public DateTimeOffset? LastRequestAt { get; init; }

    public IReadOnlyDictionary<string, JsonElement> CustomAttributes { get; init; } = new Dictionary<string, JsonElement>();

    [JsonConverter(typeof(CompanyTagsConverter))]
    public IReadOnlyList<IntercomTagRef> Tags { get; init; } = [];

    [JsonConverter(typeof(CompanySegmentsConverter))]
    public IReadOnlyList<IntercomSegmentRef> Segments { get; init; } = [];

    /// <summary>The exact JSON object Intercom sent.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; init; }

    /// <summary>Reads a company object, e.g. from a webhook payload or a stored raw copy.</summary>
    public static IntercomCompany Parse(JsonElement json) =>
        IntercomJson.Parse(json, IntercomJsonContext.Default.IntercomCompany) with { Raw = json.Clone() };
}

/// <summary>A company's plan (<c>{type:"plan", id, name}</c>).</summary>
public sealed record IntercomPlan(string? Id, string? Name);

/// <summary>A tag as carried inline by a company.</summary>
public sealed record IntercomTagRef(string Id, string? Name);

/// <summary>A segment as carried inline by a company.</summary>
public sealed record IntercomSegmentRef(string Id, string? Name);
