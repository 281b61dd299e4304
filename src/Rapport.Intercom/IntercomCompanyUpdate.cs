using System.Text.Json.Serialization;

namespace Rapport.Intercom;

/// <summary>
/// Body of PUT /companies/{id} (spec 2.16 <c>update_company_request</c>); null fields are not sent, so they stay unchanged.
/// </summary>
public sealed record IntercomCompanyUpdate
{
    public string? Name { get; init; }

    /// <summary>The plan's name.</summary>
    public string? Plan { get; init; }

    public int? Size { get; init; }
    public string? Website { get; init; }
    public string? Industry { get; init; }

    /// <summary>Whole currency units: Intercom truncates floats and caps at 2^31-1.</summary>
    public int? MonthlySpend { get; init; }

    /// <summary>
    /// Keys are data attribute names (not <c>custom_attributes.x</c>); values string, int, long, double, decimal, bool,
    /// <see cref="DateTimeOffset"/> (sent as unix seconds), <see cref="System.Text.Json.JsonElement"/> or null to
    /// clear. The attribute must exist first (POST /data_attributes, as Intercom's contact import guide does before
    /// writing). The spec types company custom attribute values as strings, but Intercom documents (and enforces) the
    /// attribute's own type: an integer attribute takes a number, a boolean one <c>true</c>/<c>false</c>, a date Unix
    /// seconds. The documentation wins, so values are sent typed.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? CustomAttributes { get; init; }
}
