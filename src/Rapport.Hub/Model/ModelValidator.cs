namespace Rapport.Hub.Model;

/// <summary>
/// Checks a definitions document whole and lists every problem, each naming its definition: unknown fields, traits,
/// events and definitions; rules that do not parse or compare a value with the wrong type; cycles; duplicate names;
/// names the push would write onto one Intercom attribute; incomplete definitions.
/// </summary>
internal sealed partial class ModelValidator(ModelDefinitions definitions, ModelCatalog catalog, bool checkPushedNames)
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    private readonly List<ModelProblem> _problems = [];

    /// <param name="checkPushedNames">Whether to refuse definitions the push would write onto one Intercom attribute:
    /// on for a document being saved; off for the one in force, which may predate the rule and must still be computed
    /// (the push then reports each clash and pushes one value).</param>
    public static IReadOnlyList<ModelProblem> Validate(ModelDefinitions definitions, ModelCatalog catalog, bool checkPushedNames)
    {
        var validator = new ModelValidator(definitions, catalog, checkPushedNames);
        validator.CheckNames();
        validator.CheckMrrTypeAndOwner();
        validator.CheckElements();
        validator.CheckMetrics();
        validator.CheckIndicatorsAndSegments();
        validator.CheckHealth();
        validator.CheckCycles();
        validator.CheckRenames();
        return validator._problems;
    }

    private void Problem(string definition, string message) => _problems.Add(new ModelProblem(definition, message));

    private void CheckNames()
    {
        Unique("Element", definitions.Elements.Select(d => d.Name));
        Unique("Metric", definitions.Metrics.Select(d => d.Name));
        Unique("Indicator", definitions.Indicators.Select(d => d.Name));
        Unique("Segment", definitions.Segments.Select(d => d.Name));
        Unique("Health score", definitions.HealthScores.Select(d => d.Name));
        if (checkPushedNames)
        {
            CheckPushedNames();
        }
    }

    private void Unique(string kind, IEnumerable<string?> names)
    {
        foreach (var group in names.GroupBy(name => name?.Trim() ?? "", Names))
        {
            if (group.Key.Length == 0)
            {
                Problem(kind, "a name is needed");
            }
            else if (group.Count() > 1)
            {
                Problem($"{kind} '{group.Key}'", $"the name is used {group.Count()} times; names must be unique");
            }
        }
    }

    private void CheckMrrTypeAndOwner()
    {
        if (definitions.Mrr is { } mrr)
        {
            TraitReference("MRR", mrr.Trait);
            if (Names.Equals(mrr.Trait, "intercom.monthly_spend"))
            {
                Problem("MRR", "intercom.monthly_spend is where Rapport pushes MRR; read MRR from the trait it comes from");
            }

            if (mrr.Currency is null || mrr.Currency.Length != 3 || !mrr.Currency.All(char.IsAsciiLetterUpper))
            {
                Problem("MRR", $"currency '{mrr.Currency}' is not a three-letter ISO 4217 code such as USD");
            }
        }

        if (definitions.Type is { } type)
        {
            TraitReference("Type", type.TrialEndTrait, optional: true);
            TraitReference("Type", type.ChurnDateTrait, optional: true);
            Rule("Type", "trial qualification", type.TrialQualification);
            Rule("Type", "churn rule", type.Churn);
            if (type.TrialQualification is not null && type.TrialEndTrait is null)
            {
                Problem("Type", "a trial qualification rule needs the trial-end trait that makes an account a trial");
            }
        }

        if (definitions.Owner is { } owner)
        {
            TraitReference("Account owner", owner.Trait);
        }
    }

    private void CheckElements()
    {
        foreach (var element in definitions.Elements)
        {
            var definition = $"Element '{element.Name}'";
            if (element.Trait is not null && (element.Add.Count > 0 || element.Remove.Count > 0))
            {
                Problem(definition, "count it from a trait or from events, not both");
            }
            else if (element.Trait is not null)
            {
                TraitReference(definition, element.Trait);
            }
            else if (element.Add.Count == 0)
            {
                Problem(definition, "it needs the events that add one ('add') or a trait that holds the count");
            }

            foreach (var name in element.Add.Concat(element.Remove))
            {
                EventReference(definition, name);
            }
        }
    }

    private void CheckMetrics()
    {
        foreach (var metric in definitions.Metrics)
        {
            var definition = $"Metric '{metric.Name}'";
            Operand(definition, "numerator", metric.Numerator);
            if (metric.Denominator is { } denominator)
            {
                Operand(definition, "denominator", denominator);
            }

            if (metric.WindowDays is <= 0)
            {
                Problem(definition, $"a window of {metric.WindowDays} days; it must be at least 1");
            }

            if (metric.CreatedAt is null)
            {
                Problem(definition, "it needs the date it was created (createdAt), from which it counts");
            }

            Rule(definition, "where rule", metric.Where);
        }
    }

    private void Operand(string definition, string side, MetricOperand? operand)
    {
        var set = new[] { operand?.Events, operand?.Users, operand?.Trait, operand?.Field }.Count(part => part is not null);
        if (operand is null || set != 1)
        {
            Problem(definition, $"the {side} needs exactly one of events, users, trait or field");
            return;
        }

        if ((operand.Events ?? operand.Users) is { } eventName)
        {
            EventReference(definition, eventName);
        }
        else if (operand.Trait is { } trait)
        {
            TraitReference(definition, trait);
        }
        else
        {
            FieldReference(definition, $"the {side}", operand.Field!, expectNumber: true);
        }
    }

    private void CheckIndicatorsAndSegments()
    {
        foreach (var indicator in definitions.Indicators)
        {
            Rule($"Indicator '{indicator.Name}'", "rule", indicator.Rule, required: true);
        }

        foreach (var segment in definitions.Segments)
        {
            var definition = $"Segment '{segment.Name}'";
            Rule(definition, "rule", segment.Rule);
            foreach (var id in segment.Include.Intersect(segment.Exclude))
            {
                Problem(definition, $"account {id} is both included and excluded");
            }
        }
    }

    private void CheckHealth()
    {
        foreach (var score in definitions.HealthScores)
        {
            var definition = $"Health score '{score.Name}'";
            if (score.EffectiveWeight <= 0)
            {
                Problem(definition, $"weight {score.Weight}; it must be above 0");
            }

            if (score.WhenMissing is null)
            {
                Problem(definition, "say what a condition with a missing input counts as (whenMissing: skip, poor, concerning or healthy)");
            }

            if (score.Conditions.Count == 0)
            {
                Problem(definition, "it needs at least one condition");
            }

            foreach (var condition in score.Conditions)
            {
                var part = $"condition '{condition.Name}'";
                if (condition.EffectiveWeight <= 0)
                {
                    Problem(definition, $"{part} has weight {condition.Weight}; it must be above 0");
                }

                Rule(definition, $"{part}: healthy rule", condition.Healthy, required: true);
                Rule(definition, $"{part}: concerning rule", condition.Concerning);
            }
        }
    }
}
