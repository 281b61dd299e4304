using System.Text.Json;
using Rapport.Hub.Sources;
using Rapport.Intercom;

namespace Rapport.Application.Import;

/// <summary>
/// The one mapping from Intercom objects to the hub's source records, shared by the import, webhooks and the
/// reconciliation sweep so that all three store the same thing for the same object.
/// </summary>
public static class IntercomMapping
{
    public static SourceCompany ToSourceCompany(IntercomCompany company) => new(
        IntercomSource.Name,
        company.Id,
        NullIfBlank(company.CompanyId),
        company.Name,
        company.Plan?.Name,
        company.MonthlySpend,
        company.UserCount,
        company.SessionCount,
        company.Size,
        company.Industry,
        company.Website,
        company.CreatedAt,
        company.UpdatedAt,
        company.LastRequestAt,
        Names(company.Tags.Select(t => t.Name)),
        Names(company.Segments.Select(s => s.Name)),
        PropertyJson(company.Raw, "custom_attributes"),
        company.Raw.GetRawText());

    /// <param name="companyIds">Every company the contact belongs to; the contact's inline list stops at ten.</param>
    /// <param name="tagNames">The workspace's tags by id: a contact names its tags by id only.</param>
    public static SourceContact ToSourceContact(
        IntercomContact contact, IReadOnlyList<string> companyIds, IReadOnlyDictionary<string, string> tagNames) => new(
        IntercomSource.Name,
        contact.Id,
        NullIfBlank(contact.ExternalId),
        NullIfBlank(contact.Email),
        contact.Name,
        contact.CreatedAt,
        contact.UpdatedAt,
        contact.LastSeenAt,
        Names((contact.Tags?.Ids ?? []).Select(id => tagNames.GetValueOrDefault(id, id))),
        companyIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
        PropertyJson(contact.Raw, "custom_attributes"),
        contact.Raw.GetRawText());

    private static string[] Names(IEnumerable<string?> names) =>
        names.OfType<string>().Order(StringComparer.Ordinal).ToArray();

    private static string PropertyJson(JsonElement raw, string name) =>
        raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.GetRawText()
            : "{}";

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
