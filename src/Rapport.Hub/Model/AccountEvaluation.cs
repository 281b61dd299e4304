using Rapport.Hub.Rules;

namespace Rapport.Hub.Model;

/// <summary>
/// One account's evaluation: the <see cref="IFieldSource"/> every rule reads, resolving model values on demand and
/// computing each once. Validation has ruled out cycles, so resolving a value never comes back to itself.
/// </summary>
internal sealed partial class AccountEvaluation(AccountModel model, IAccountInputs inputs, AccountState? previous, DateTimeOffset now)
    : IFieldSource
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    private readonly List<ModelProblem> _problems = [];
    private readonly Dictionary<string, decimal?> _metrics = new(Names);
    private readonly Dictionary<string, long> _elements = new(Names);
    private readonly Dictionary<string, bool> _indicators = new(Names);
    private readonly Dictionary<string, bool> _segments = new(Names);
    private readonly Dictionary<string, decimal?> _health = new(Names);
    private (decimal? Value, bool Done) _mrr;
    private AccountType? _type;
    private (string? Value, bool Done) _owner;

    public AccountState Run()
    {
        var definitions = model.Definitions;
        var overall = OverallHealth();
        return new AccountState(
            inputs.Id,
            now,
            Mrr(),
            definitions.Mrr?.Currency,
            Type(),
            definitions.Elements.ToDictionary(d => d.Name, d => Element(d.Name), Names),
            definitions.Metrics.ToDictionary(d => d.Name, d => Metric(d.Name), Names),
            IndicatorStates(),
            [.. definitions.Segments.Where(d => InSegment(d.Name)).Select(d => d.Name)],
            definitions.HealthScores.ToDictionary(d => d.Name, d => HealthScore(d.Name), Names),
            overall,
            Owner(),
            [.. _problems.Distinct()]);
    }

    public FieldValue Get(string field)
    {
        var parsed = ModelField.Parse(field);
        return parsed.Kind switch
        {
            ModelFieldKind.Account => inputs.Field(parsed.Name),
            ModelFieldKind.Trait => Trait(parsed.Name),
            ModelFieldKind.Tags => FieldValue.List(inputs.Tags),
            ModelFieldKind.SourceSegments => FieldValue.List(inputs.SourceSegments),
            ModelFieldKind.Segments => FieldValue.List(model.Definitions.Segments.Where(d => InSegment(d.Name)).Select(d => d.Name)),
            ModelFieldKind.Segment => model.Segments.ContainsKey(parsed.Name) ? InSegment(parsed.Name) : FieldValue.Missing,
            ModelFieldKind.Indicators => FieldValue.List(model.Definitions.Indicators.Where(d => IsActive(d.Name)).Select(d => d.Name)),
            ModelFieldKind.Indicator => model.Indicators.ContainsKey(parsed.Name) ? IsActive(parsed.Name) : FieldValue.Missing,
            ModelFieldKind.Metric => model.Metrics.ContainsKey(parsed.Name) ? FieldReading.Number(Metric(parsed.Name)) : FieldValue.Missing,
            ModelFieldKind.Element => model.Elements.ContainsKey(parsed.Name) ? FieldValue.Number(Element(parsed.Name)) : FieldValue.Missing,
            ModelFieldKind.Health => model.HealthScores.ContainsKey(parsed.Name) ? FieldReading.Number(HealthScore(parsed.Name)) : FieldValue.Missing,
            ModelFieldKind.OverallHealth => FieldReading.Number(OverallHealth()),
            ModelFieldKind.Mrr => FieldReading.Number(Mrr()),
            ModelFieldKind.Type => FieldValue.String(Type().ToName()),
            ModelFieldKind.Owner => FieldValue.String(Owner()),
            ModelFieldKind.EventCount => FieldValue.Number(
                inputs.CountEvents(parsed.Name, parsed.Days is { } days ? now.AddDays(-days) : DateTimeOffset.MinValue)),
            ModelFieldKind.LastSeen => inputs.LastSeenAt is { } seen ? FieldValue.Date(seen) : FieldValue.Null,
            ModelFieldKind.DaysSinceLastSeen => DaysSince(inputs.LastSeenAt),
            ModelFieldKind.DaysSinceLastEvent => DaysSince(inputs.LastEventAt(parsed.Name.Length == 0 ? null : parsed.Name)),
            _ => FieldValue.Missing,
        };
    }

    private FieldValue Trait(string trait) =>
        ModelField.TrySplitTrait(trait, out var source, out var name) ? inputs.Trait(source, name) : FieldValue.Missing;

    // Whole days, as "seen in the last 90 days" counts them; null (not a large number) when never seen.
    private FieldValue DaysSince(DateTimeOffset? instant) =>
        instant is { } at ? FieldValue.Number((decimal)Math.Floor((now - at).TotalDays)) : FieldValue.Null;

    private void Problem(string definition, string message) => _problems.Add(new ModelProblem(definition, message));

    /// <summary>A trait read as a number: null when absent, null and a problem when it holds something else.</summary>
    private decimal? NumericTrait(string definition, string trait)
    {
        var value = Trait(trait);
        if (value.IsMissingOrNull)
        {
            return null;
        }

        if (FieldReading.TryNumber(value, out var number))
        {
            return number;
        }

        Problem(definition, $"trait {trait} is {FieldReading.Show(value)}, not a number");
        return null;
    }
}
