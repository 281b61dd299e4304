using Rapport.Hub.Rules;
using Rapport.Intercom;

namespace Rapport.Application.Import;

/// <summary>
/// An Intercom company as qualification rules see it: the standard fields by their Intercom names, <c>tags</c> and
/// <c>segments</c> as lists of names, <c>last_seen</c> (the company's <c>last_request_at</c>), <c>days_since_last_seen</c>,
/// and every custom attribute as <c>custom_attributes.&lt;name&gt;</c>; the account model's spellings of the same fields
/// (<c>traits.intercom.&lt;name&gt;</c>, <c>external_id</c>) are read through <see cref="FieldNames"/>.
/// </summary>
public sealed class CompanyFields(IntercomCompany company, TimeProvider timeProvider) : IFieldSource
{
    private const string CustomPrefix = "custom_attributes.";

    public FieldValue Get(string field) => Read(FieldNames.ToCompany(field));

    private FieldValue Read(string field) => field switch
    {
        "name" => FieldValue.String(company.Name),
        "company_id" => FieldValue.String(company.CompanyId),
        "plan" => FieldValue.String(company.Plan?.Name),
        "monthly_spend" => Number(company.MonthlySpend),
        "user_count" => Number(company.UserCount),
        "session_count" => Number(company.SessionCount),
        "size" => Number(company.Size),
        "industry" => FieldValue.String(company.Industry),
        "website" => FieldValue.String(company.Website),
        "tags" => FieldValue.List(company.Tags.Select(t => t.Name).OfType<string>()),
        "segments" => FieldValue.List(company.Segments.Select(s => s.Name).OfType<string>()),
        "last_seen" or "last_request_at" => Date(company.LastRequestAt),
        "created_at" => Date(company.CreatedAt),
        "days_since_last_seen" => company.LastRequestAt is { } seen
            ? FieldValue.Number((decimal)Math.Floor((timeProvider.GetUtcNow() - seen).TotalDays))
            : FieldValue.Null,
        _ when field.StartsWith(CustomPrefix, StringComparison.Ordinal) => Custom(field[CustomPrefix.Length..]),
        _ => FieldValue.Missing,
    };

    private FieldValue Custom(string name) =>
        company.CustomAttributes.TryGetValue(name, out var value) ? FieldValue.FromJson(value) : FieldValue.Missing;

    private static FieldValue Number(decimal? value) => value is { } v ? FieldValue.Number(v) : FieldValue.Null;

    private static FieldValue Number(long? value) => value is { } v ? FieldValue.Number(v) : FieldValue.Null;

    private static FieldValue Date(DateTimeOffset? value) => value is { } v ? FieldValue.Date(v) : FieldValue.Null;
}
