using System.Text.Json.Nodes;

namespace Rapport.Hub.Sources;

/// <summary>
/// Which source an account's unified fields come from when several of its source records have a value: per
/// field, the sources in order; the first one with a value wins, so a source missing the field never blanks it. Sources
/// not listed follow the listed ones, by name. Intercom first for every field unless configured otherwise.
/// </summary>
public sealed record SourcePrecedence(IReadOnlyDictionary<string, IReadOnlyList<string>> Fields)
{
    /// <summary>Where the precedence is kept (sync state), as JSON: <c>{"name":["segment","intercom"], …}</c>.</summary>
    public const string StateKey = "sources.precedence";

    /// <summary>The account fields several sources can give.</summary>
    public static readonly IReadOnlyList<string> UnifiedFields = ["name", "plan", "monthly_spend", "website", "industry", "size"];

    /// <summary>The sources Rapport knows, in the default order.</summary>
    public static readonly IReadOnlyList<string> Sources = ["intercom", "segment"];

    public static SourcePrecedence Default { get; } = new(UnifiedFields.ToDictionary(f => f, _ => Sources));

    /// <summary>The sources for <paramref name="field"/>, best first, every known one included.</summary>
    public IReadOnlyList<string> Order(string field)
    {
        var listed = Fields.TryGetValue(field, out var order) ? order : Sources;
        return [.. listed.Concat(Sources.Except(listed, StringComparer.Ordinal).Order(StringComparer.Ordinal))];
    }

    /// <summary>The rank of <paramref name="source"/> for <paramref name="field"/>: 0 is the best; unknown sources come last.</summary>
    public int Rank(string field, string source)
    {
        var order = Order(field);
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == source)
                return i;
        }

        return int.MaxValue;
    }

    /// <summary>The value of the best-ranked candidate that has one, and its source; (null, null) when none has.</summary>
    public (T? Value, string? Source) Pick<T>(string field, IEnumerable<(string Source, T? Value)> candidates) =>
        candidates.Where(c => c.Value is not null).OrderBy(c => Rank(field, c.Source)).ThenBy(c => c.Source, StringComparer.Ordinal)
            .Select(c => ((T?, string?))(c.Value, c.Source)).FirstOrDefault();

    /// <summary>Null when every field is unified and every source known and listed once; else what is wrong.</summary>
    public static string? Validate(IReadOnlyDictionary<string, IReadOnlyList<string>>? fields)
    {
        if (fields is null)
            return "Send an object of fields, each with its sources in order: {\"name\": [\"segment\", \"intercom\"]}.";
        foreach (var (field, order) in fields)
        {
            if (!UnifiedFields.Contains(field))
                return $"'{field}' is not a unified field: {string.Join(", ", UnifiedFields)}.";
            if (order.FirstOrDefault(s => !Sources.Contains(s)) is { } unknown)
                return $"'{unknown}' is not a source: {string.Join(", ", Sources)}.";
            if (order.Count != order.Distinct(StringComparer.Ordinal).Count())
                return $"{field} lists a source twice.";
        }

        return null;
    }

    /// <summary>The stored JSON; the default for what is missing or unreadable.</summary>
    public static SourcePrecedence Parse(string? json)
    {
        if (json is null || (JsonNode.Parse(json) is not JsonObject root))
            return Default;
        var fields = UnifiedFields.ToDictionary(f => f, f => Default.Fields[f]);
        foreach (var (field, value) in root)
        {
            if (fields.ContainsKey(field) && value is JsonArray order)
                fields[field] = [.. order.Select(s => s?.GetValue<string>()).OfType<string>().Where(Sources.Contains)];
        }

        return new SourcePrecedence(fields);
    }

    public string ToJson() =>
        new JsonObject(UnifiedFields.Select(f => KeyValuePair.Create(f, (JsonNode?)new JsonArray([.. Order(f).Select(s => (JsonNode?)s)]))))
            .ToJsonString();
}
