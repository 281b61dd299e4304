using Rapport.Hub.Rules;

namespace Rapport.Hub.Model;

internal sealed partial class ModelValidator
{
    private void Rule(string definition, string what, ModelRule? rule, bool required = false)
    {
        if (rule is null)
        {
            if (required)
            {
                Problem(definition, $"the {what} is missing");
            }

            return;
        }

        if (rule.Condition is not { } condition)
        {
            Problem(definition, $"the {what} does not parse: {rule.Error}");
            return;
        }

        foreach (var field in ConditionFields.Walk(condition))
        {
            if (FieldReference(definition, $"the {what}", field.Field, expectNumber: false) is { } parsed)
            {
                CheckTypes(definition, what, field, parsed);
            }
        }
    }

    private void TraitReference(string definition, string? trait, bool optional = false)
    {
        if (trait is null)
        {
            if (!optional)
            {
                Problem(definition, "it needs a trait (source.name, e.g. stripe.mrr)");
            }
        }
        else if (!ModelField.TrySplitTrait(trait, out _, out _))
        {
            Problem(definition, $"'{trait}' is not a trait; write source.name, e.g. stripe.mrr");
        }
        else if (!catalog.Traits.Contains(trait))
        {
            Problem(definition, $"unknown trait {trait}");
        }
    }

    private void EventReference(string definition, string name)
    {
        if (!catalog.Events.Contains(name))
        {
            Problem(definition, $"unknown event '{name}'");
        }
    }

    /// <summary>Checks that a field names something that exists; returns it parsed when it does.</summary>
    private ModelField? FieldReference(string definition, string where, string field, bool expectNumber)
    {
        var parsed = ModelField.Parse(field);
        var known = parsed.Kind switch
        {
            ModelFieldKind.Account => catalog.Fields.Contains(parsed.Name),
            ModelFieldKind.Trait => catalog.Traits.Contains(parsed.Name),
            ModelFieldKind.Metric => definitions.Metrics.Any(d => Names.Equals(d.Name, parsed.Name)),
            ModelFieldKind.Element => definitions.Elements.Any(d => Names.Equals(d.Name, parsed.Name)),
            ModelFieldKind.Health => definitions.HealthScores.Any(d => Names.Equals(d.Name, parsed.Name)),
            ModelFieldKind.Segment => definitions.Segments.Any(d => Names.Equals(d.Name, parsed.Name)),
            ModelFieldKind.Indicator => definitions.Indicators.Any(d => Names.Equals(d.Name, parsed.Name)),
            ModelFieldKind.EventCount => catalog.Events.Contains(parsed.Name),
            ModelFieldKind.DaysSinceLastEvent => parsed.Name.Length == 0 || catalog.Events.Contains(parsed.Name),
            _ => true,
        };
        if (!known)
        {
            var what = parsed.Kind switch
            {
                ModelFieldKind.Account => "field",
                ModelFieldKind.Trait => "trait",
                ModelFieldKind.Metric => "metric",
                ModelFieldKind.Element => "element",
                ModelFieldKind.Health => "health score",
                ModelFieldKind.Segment => "segment",
                ModelFieldKind.Indicator => "indicator",
                _ => "event",
            };
            Problem(definition, $"{where} refers to an unknown {what} '{parsed.Name}' ({field})");
            return null;
        }

        if (expectNumber && !parsed.IsNumber && parsed.Kind is not (ModelFieldKind.Account or ModelFieldKind.Trait))
        {
            Problem(definition, $"{where} is {field}, which is not a number");
            return null;
        }

        return parsed;
    }

    private void CheckTypes(string definition, string what, FieldCondition condition, ModelField field)
    {
        var op = condition.Operator;
        if (op is RuleOperator.Exists or RuleOperator.NotExists)
        {
            return;
        }

        var values = op is RuleOperator.In or RuleOperator.NotIn ? condition.Value.Items : [condition.Value];
        var ordered = op is RuleOperator.GreaterThan or RuleOperator.LessThan or RuleOperator.GreaterThanOrEqual or RuleOperator.LessThanOrEqual;
        var contains = op is RuleOperator.Contains or RuleOperator.NotContains;
        string? problem = null;
        if (field.IsNumber)
        {
            problem = contains ? "is a number; 'contains' tests text and lists"
                : values.FirstOrDefault(value => !FieldReading.TryNumber(value, out _)) is var bad && bad.Kind != FieldValueKind.Missing
                    ? $"is a number, compared with {FieldReading.Show(bad)}"
                    : null;
        }
        else if (field.IsList)
        {
            problem = contains || op is RuleOperator.In or RuleOperator.NotIn ? UnknownListItem(field, values) : "is a list; use 'contains' or 'in'";
        }
        else if (field.Kind is ModelFieldKind.Segment or ModelFieldKind.Indicator)
        {
            problem = op is RuleOperator.Equal or RuleOperator.NotEqual && values.All(value => value.TryGetBoolean(out _))
                ? null
                : "is true or false; compare it with = true or = false";
        }
        else if (field.Kind == ModelFieldKind.Type)
        {
            problem = ordered || contains ? "has no order; use = or in"
                : values.FirstOrDefault(value => !AccountTypes.Names.Contains(value.ToString(), Names)) is var bad && bad.Kind != FieldValueKind.Missing
                    ? $"is one of {string.Join(", ", AccountTypes.Names)}, never {FieldReading.Show(bad)}"
                    : null;
        }
        else if (field.Kind == ModelFieldKind.Owner && ordered)
        {
            problem = "is a user id, which has no order";
        }

        if (problem is not null)
        {
            Problem(definition, $"the {what}: '{condition}': {condition.Field} {problem}");
        }
    }

    private string? UnknownListItem(ModelField field, IReadOnlyList<FieldValue> values)
    {
        var names = field.Kind switch
        {
            ModelFieldKind.Segments => definitions.Segments.Select(d => d.Name),
            ModelFieldKind.Indicators => definitions.Indicators.Select(d => d.Name),
            _ => null,
        };
        var unknown = names is null ? null : values.Select(value => value.ToString()).FirstOrDefault(value => !names.Contains(value, Names));
        return unknown is null ? null : $"has no {(field.Kind == ModelFieldKind.Segments ? "segment" : "indicator")} '{unknown}'";
    }
}
