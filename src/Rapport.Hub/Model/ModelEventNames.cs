namespace Rapport.Hub.Model;

/// <summary>The event names a model reads, so a recompute loads those events and no others.</summary>
public static class ModelEventNames
{
    public static IReadOnlyCollection<string> Of(AccountModel model)
    {
        var definitions = model.Definitions;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in definitions.Elements)
            names.UnionWith(element.Add.Concat(element.Remove));
        foreach (var metric in definitions.Metrics)
        {
            foreach (var operand in new[] { metric.Numerator, metric.Denominator })
            {
                if ((operand?.Events ?? operand?.Users) is { } name)
                    names.Add(name);
                if (operand?.Field is { } field)
                    AddField(names, field);
            }
        }

        foreach (var rule in Rules(definitions))
        {
            foreach (var field in ConditionFields.Walk(rule))
                AddField(names, field.Field);
        }

        return names;
    }

    private static void AddField(HashSet<string> names, string field)
    {
        var parsed = ModelField.Parse(field);
        if (parsed.Kind is ModelFieldKind.EventCount or ModelFieldKind.DaysSinceLastEvent && parsed.Name.Length > 0)
            names.Add(parsed.Name);
    }

    private static IEnumerable<Rules.Condition> Rules(ModelDefinitions d) =>
        new[] { d.Type?.TrialQualification, d.Type?.Churn }
            .Concat(d.Metrics.Select(m => m.Where))
            .Concat(d.Indicators.Select(i => i.Rule))
            .Concat(d.Segments.Select(s => s.Rule))
            .Concat(d.HealthScores.SelectMany(h => h.Conditions).SelectMany(c => new[] { c.Healthy, c.Concerning }))
            .Select(rule => rule?.Condition)
            .OfType<Rules.Condition>();
}
