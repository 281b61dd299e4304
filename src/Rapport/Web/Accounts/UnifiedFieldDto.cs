using System.Globalization;
using Rapport.Hub.Sources;
using Rapport.Hub.Accounts;

namespace Rapport.Web.Accounts;

/// <summary>One unified field of an account: the value of the record its source precedence ranks first among those with one.</summary>
/// <param name="Source">The source the value came from; null when no record has one.</param>
public sealed record UnifiedFieldDto(string Field, string? Value, string? Source)
{
    /// <summary>Every unified field, from the account's qualified records (all of them when none qualifies).</summary>
    public static UnifiedFieldDto[] Of(AccountDetail account, SourcePrecedence precedence)
    {
        var records = account.Sources.Any(d => d.Qualified) ? account.Sources.Where(d => d.Qualified).ToList() : [.. account.Sources];
        return [.. SourcePrecedence.UnifiedFields.Select(field =>
        {
            var (value, source) = precedence.Pick(field, records.Select(d => (d.Company.Source, Read(d.Company, field))));
            return new UnifiedFieldDto(field, value, source);
        })];
    }

    private static string? Read(SourceCompany company, string field) => field switch
    {
        "name" => company.Name,
        "plan" => company.Plan,
        "monthly_spend" => company.MonthlySpend?.ToString(CultureInfo.InvariantCulture),
        "website" => company.Website,
        "industry" => company.Industry,
        "size" => company.Size?.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
