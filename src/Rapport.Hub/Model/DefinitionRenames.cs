namespace Rapport.Hub.Model;

/// <summary>
/// The named definitions' earlier names: a definition saved with <c>"renamedFrom": ["Old name"]</c> keeps the history
/// of "Old name", and the push learns that "Old name" was renamed rather than deleted.
/// </summary>
public sealed partial record ElementDefinition
{
    public IReadOnlyList<string>? RenamedFrom { get; init; }
}

public sealed partial record MetricDefinition
{
    public IReadOnlyList<string>? RenamedFrom { get; init; }
}

public sealed partial record IndicatorDefinition
{
    public IReadOnlyList<string>? RenamedFrom { get; init; }
}

public sealed partial record SegmentDefinition
{
    public IReadOnlyList<string>? RenamedFrom { get; init; }
}

public sealed partial record HealthScoreDefinition
{
    public IReadOnlyList<string>? RenamedFrom { get; init; }
}

/// <summary>The kinds of named definition, each a namespace of its own: a metric and a segment may share a name.</summary>
public enum DefinitionKind
{
    Element,
    Metric,
    Indicator,
    Segment,
    HealthScore,
}

public static class DefinitionKinds
{
    private static readonly string[] NameArray = ["element", "metric", "indicator", "segment", "health_score"];

    public static IReadOnlyList<string> Names => NameArray;

    /// <summary>How a kind is written in the store, the API and list filters.</summary>
    public static string ToName(this DefinitionKind kind) => Names[(int)kind];

    public static bool TryParse(string? name, out DefinitionKind kind)
    {
        var index = Array.IndexOf(NameArray, name ?? "");
        kind = (DefinitionKind)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>How a kind is named in messages, as the validator names definitions: <c>Metric 'Weekly logins'</c>.</summary>
    public static string Title(this DefinitionKind kind) => kind switch
    {
        DefinitionKind.HealthScore => "Health score",
        _ => kind.ToString(),
    };

    /// <summary>Every named definition of <paramref name="definitions"/> with its kind and earlier names.</summary>
    public static IEnumerable<(DefinitionKind Kind, string Name, IReadOnlyList<string> RenamedFrom)> Named(this ModelDefinitions definitions) =>
        definitions.Elements.Select(d => (DefinitionKind.Element, d.Name, d.RenamedFrom ?? []))
            .Concat(definitions.Metrics.Select(d => (DefinitionKind.Metric, d.Name, d.RenamedFrom ?? [])))
            .Concat(definitions.Indicators.Select(d => (DefinitionKind.Indicator, d.Name, d.RenamedFrom ?? [])))
            .Concat(definitions.Segments.Select(d => (DefinitionKind.Segment, d.Name, d.RenamedFrom ?? [])))
            .Concat(definitions.HealthScores.Select(d => (DefinitionKind.HealthScore, d.Name, d.RenamedFrom ?? [])));
}
