namespace Rapport.Hub.Rules;

/// <summary>
/// The outcome of evaluating a rule. <paramref name="Reason"/> is null on a match; otherwise it names, for a user, the
/// condition that failed and the value seen, e.g. <c>plan = Pro (was Free)</c> or <c>tags contains vip (was: none)</c>.
/// </summary>
public sealed record RuleResult(bool Matched, string? Reason)
{
    public static RuleResult Match { get; } = new(true, null);

    public static RuleResult Fail(string reason) => new(false, reason);
}
