namespace Rapport.Hub.Rules;

/// <summary>Negates a condition: text <c>not (industry = Retail)</c>, JSON <c>{"not":{...}}</c>.</summary>
public sealed record NotCondition : Condition
{
    public NotCondition(Condition condition)
    {
        Condition = condition ?? throw new ArgumentNullException(nameof(condition));
    }

    public Condition Condition { get; init; }

    public override bool IsMatch(IFieldSource source) => !Condition.IsMatch(source);

    public override RuleResult Evaluate(IFieldSource source)
    {
        if (!Condition.IsMatch(source))
        {
            return RuleResult.Match;
        }

        return Condition is FieldCondition field
            ? RuleResult.Fail($"{this} (was {FieldCondition.Describe(source.Get(field.Field))})")
            : RuleResult.Fail($"{this} (it matched)");
    }
}
