namespace Rapport.Hub.Rules;

/// <summary>
/// An <c>all</c> (and) or <c>any</c> (or) group. Evaluation short-circuits left to right: <c>all</c> stops at the first
/// condition that fails, <c>any</c> at the first that matches, so later fields are not even read.
/// </summary>
public sealed record GroupCondition : Condition
{
    private readonly Condition[] _conditions;

    public GroupCondition(GroupMode mode, IEnumerable<Condition> conditions)
    {
        _conditions = [.. conditions];
        if (Array.IndexOf(_conditions, null) >= 0)
        {
            throw new ArgumentException("A group cannot hold a null condition.", nameof(conditions));
        }

        Mode = mode;
    }

    public GroupMode Mode { get; init; }

    public IReadOnlyList<Condition> Conditions => _conditions;

    public override bool IsMatch(IFieldSource source)
    {
        foreach (var condition in _conditions)
        {
            if (condition.IsMatch(source) == (Mode == GroupMode.Any))
            {
                return Mode == GroupMode.Any;
            }
        }

        return Mode == GroupMode.All;
    }

    public override RuleResult Evaluate(IFieldSource source) =>
        Mode == GroupMode.All ? EvaluateAll(source) : EvaluateAny(source);

    private RuleResult EvaluateAll(IFieldSource source)
    {
        foreach (var condition in _conditions)
        {
            var result = condition.Evaluate(source);
            if (!result.Matched)
            {
                return result;
            }
        }

        return RuleResult.Match;
    }

    private RuleResult EvaluateAny(IFieldSource source)
    {
        if (_conditions.Length == 0)
        {
            return RuleResult.Fail("an empty 'any' group matches nothing");
        }

        var reasons = new List<string>(_conditions.Length);
        foreach (var condition in _conditions)
        {
            var result = condition.Evaluate(source);
            if (result.Matched)
            {
                return result;
            }

            reasons.Add(result.Reason ?? condition.ToString());
        }

        return reasons.Count == 1
            ? RuleResult.Fail(reasons[0])
            : RuleResult.Fail($"none of: {string.Join("; ", reasons)}");
    }

    public bool Equals(GroupCondition? other) =>
        other is not null && Mode == other.Mode && _conditions.AsSpan().SequenceEqual(other._conditions);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Mode);
        foreach (var condition in _conditions)
        {
            hash.Add(condition);
        }

        return hash.ToHashCode();
    }
}
