using System.Text.Json.Serialization;
using Rapport.Hub.Accounts;

namespace Rapport.Hub.Model;

/// <summary>
/// One account as the model sees it at <see cref="ComputedAt"/>: what the account page shows and the push sends.
/// Dictionaries are keyed by definition name (case-insensitive) in definition order.
/// </summary>
/// <param name="Mrr">Null when the MRR trait is absent or not a number (then <see cref="Problems"/> says so).</param>
/// <param name="Metrics">A metric's value, or null (no denominator to divide by, before its creation, rule not matched).</param>
/// <param name="Indicators">Every indicator that has ever been active for the account, active or not.</param>
/// <param name="Health">Each score on 0–10, or null when every condition was skipped for missing inputs.</param>
/// <param name="OverallHealth">The scores' weighted average on 0–10, or null when no score has a value.</param>
/// <param name="Problems">What kept a value from being computed for this account, each naming its definition.</param>
public sealed record AccountState(
    AccountId AccountId,
    DateTimeOffset ComputedAt,
    decimal? Mrr,
    string? Currency,
    AccountType Type,
    IReadOnlyDictionary<string, long> Elements,
    IReadOnlyDictionary<string, decimal?> Metrics,
    IReadOnlyList<IndicatorState> Indicators,
    IReadOnlyList<string> Segments,
    IReadOnlyDictionary<string, decimal?> Health,
    decimal? OverallHealth,
    string? OwnerUserId,
    IReadOnlyList<ModelProblem> Problems)
{
    [JsonIgnore]
    public IEnumerable<IndicatorState> ActiveIndicators => Indicators.Where(indicator => indicator.Active);

    public IndicatorState? Indicator(string name) =>
        Indicators.FirstOrDefault(indicator => string.Equals(indicator.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// An indicator for one account. <see cref="ActivatedAt"/> is when the current (or last) activation began and is carried
/// from the previous state while it stays active; <see cref="Activations"/> counts activations, so flapping shows.
/// </summary>
/// <param name="AddressedAt">When a teammate marked this activation addressed; cleared when the indicator turns off.</param>
/// <param name="AddressedBy">Who marked it addressed.</param>
public sealed record IndicatorState(
    string Name,
    IndicatorKind Kind,
    bool Active,
    DateTimeOffset ActivatedAt,
    DateTimeOffset? DeactivatedAt,
    int Activations,
    DateTimeOffset? AddressedAt = null,
    string? AddressedBy = null);

/// <summary>A problem with one definition: in a document (validation) or for one account (evaluation).</summary>
/// <param name="Definition">Which definition, as a user finds it: <c>Metric 'Weekly logins'</c>, <c>MRR</c>.</param>
public sealed record ModelProblem(string Definition, string Message)
{
    public override string ToString() => $"{Definition}: {Message}";
}
