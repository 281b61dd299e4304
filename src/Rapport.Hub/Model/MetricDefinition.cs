namespace Rapport.Hub.Model;

/// <summary>
/// A success metric: <see cref="Numerator"/> over an optional <see cref="Denominator"/>, counting events in the last
/// <see cref="WindowDays"/> days but never before <see cref="CreatedAt"/>, the day the metric was created. An account that
/// <see cref="Where"/> does not match has no value.
/// </summary>
public sealed partial record MetricDefinition
{
    public required string Name { get; init; }

    public required MetricOperand Numerator { get; init; }

    public MetricOperand? Denominator { get; init; }

    /// <summary>The rolling window; null counts every event since <see cref="CreatedAt"/>.</summary>
    public int? WindowDays { get; init; }

    public DateOnly? CreatedAt { get; init; }

    public ModelRule? Where { get; init; }
}

/// <summary>
/// One side of a metric; exactly one is set: <see cref="Events"/> (how many times the event happened),
/// <see cref="Users"/> (how many distinct users did it), <see cref="Trait"/> (<c>source.name</c>) or <see cref="Field"/>
/// (any field of the condition language, e.g. <c>elements.Seats</c>).
/// </summary>
public sealed record MetricOperand
{
    public string? Events { get; init; }

    public string? Users { get; init; }

    public string? Trait { get; init; }

    public string? Field { get; init; }

    public override string ToString() =>
        Events is not null ? $"events {Events}"
        : Users is not null ? $"users doing {Users}"
        : Trait is not null ? $"trait {Trait}"
        : $"field {Field}";
}
