namespace Rapport.Hub.Model;

internal sealed partial class ModelValidator
{
    /// <summary>
    /// Finds definitions that depend on themselves through their rules, e.g. a metric counted only where an indicator is
    /// active whose rule reads that metric. Evaluation resolves values on demand, so a cycle would never end.
    /// </summary>
    private void CheckCycles()
    {
        var graph = DependencyGraph();
        var state = new Dictionary<string, bool>(Names); // false: on the current path; true: done
        var path = new List<string>();
        var reported = new HashSet<string>(Names);
        foreach (var node in graph.Keys)
        {
            Visit(node);
        }

        void Visit(string node)
        {
            if (state.TryGetValue(node, out var done))
            {
                if (!done)
                {
                    var cycle = path.Skip(path.FindIndex(n => Names.Equals(n, node))).Append(node).ToList();
                    if (reported.Add(string.Join("|", cycle.Skip(1).Order(Names))))
                    {
                        Problem(node, $"it depends on itself: {string.Join(" → ", cycle)}");
                    }
                }

                return;
            }

            state[node] = false;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                Visit(next);
            }

            path.RemoveAt(path.Count - 1);
            state[node] = true;
        }
    }

    private Dictionary<string, List<string>> DependencyGraph()
    {
        var graph = new Dictionary<string, List<string>>(Names);
        if (definitions.Type is { } type)
        {
            graph["Type"] = Dependencies([type.TrialQualification, type.Churn], []);
        }

        foreach (var metric in definitions.Metrics)
        {
            graph.TryAdd($"Metric '{metric.Name}'", Dependencies([metric.Where], [metric.Numerator.Field, metric.Denominator?.Field]));
        }

        foreach (var indicator in definitions.Indicators)
        {
            graph.TryAdd($"Indicator '{indicator.Name}'", Dependencies([indicator.Rule], []));
        }

        foreach (var segment in definitions.Segments)
        {
            graph.TryAdd($"Segment '{segment.Name}'", Dependencies([segment.Rule], []));
        }

        foreach (var score in definitions.HealthScores)
        {
            graph.TryAdd($"Health score '{score.Name}'", Dependencies([.. score.Conditions.SelectMany(c => new[] { c.Healthy, c.Concerning })], []));
        }

        return graph;
    }

    private List<string> Dependencies(IEnumerable<ModelRule?> rules, IEnumerable<string?> fields)
    {
        var names = rules.Where(rule => rule?.Condition is not null)
            .SelectMany(rule => ConditionFields.Walk(rule!.Condition!).Select(condition => condition.Field))
            .Concat(fields.OfType<string>());
        return [.. names.SelectMany(DependenciesOf).Distinct(Names)];
    }

    private IEnumerable<string> DependenciesOf(string field)
    {
        var parsed = ModelField.Parse(field);
        return parsed.Kind switch
        {
            ModelFieldKind.Type => ["Type"],
            ModelFieldKind.Metric => [$"Metric '{Canonical(definitions.Metrics.Select(d => d.Name), parsed.Name)}'"],
            ModelFieldKind.Indicator => [$"Indicator '{Canonical(definitions.Indicators.Select(d => d.Name), parsed.Name)}'"],
            ModelFieldKind.Segment => [$"Segment '{Canonical(definitions.Segments.Select(d => d.Name), parsed.Name)}'"],
            ModelFieldKind.Health => [$"Health score '{Canonical(definitions.HealthScores.Select(d => d.Name), parsed.Name)}'"],
            ModelFieldKind.Indicators => definitions.Indicators.Select(d => $"Indicator '{d.Name}'"),
            ModelFieldKind.Segments => definitions.Segments.Select(d => $"Segment '{d.Name}'"),
            ModelFieldKind.OverallHealth => definitions.HealthScores.Select(d => $"Health score '{d.Name}'"),
            _ => [],
        };
    }

    // A rule may spell a name in another case; the cycle message shows the definition's own spelling.
    private static string Canonical(IEnumerable<string> names, string name) =>
        names.FirstOrDefault(candidate => Names.Equals(candidate, name)) ?? name;
}
