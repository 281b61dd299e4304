using System.Text.Json.Serialization;

namespace Rapport.Hub.Model;

/// <summary>
/// A named health score: each condition grades the account 10 (healthy), 5 (concerning) or 0 (poor); the score is their
/// weighted average, and the overall health the weighted average of the scores, all on 0–10.
/// </summary>
/// <remarks>
/// A condition whose fields are missing (no such trait, a metric without a value) is graded as
/// <see cref="WhenMissing"/> says; the document must say it, because guessing would silently move scores.
/// </remarks>
public sealed partial record HealthScoreDefinition
{
    public required string Name { get; init; }

    /// <summary>Its weight in the overall health; 1 when not given.</summary>
    public decimal? Weight { get; init; }

    internal decimal EffectiveWeight => Weight ?? 1;

    public MissingInputs? WhenMissing { get; init; }

    public IReadOnlyList<HealthCondition> Conditions { get; init; } = [];
}

/// <summary>One graded condition: 10 when <see cref="Healthy"/> holds, else 5 when <see cref="Concerning"/> holds, else 0.</summary>
public sealed record HealthCondition
{
    public required string Name { get; init; }

    /// <summary>Its weight within the score; 1 when not given.</summary>
    public decimal? Weight { get; init; }

    internal decimal EffectiveWeight => Weight ?? 1;

    public required ModelRule Healthy { get; init; }

    public ModelRule? Concerning { get; init; }
}

/// <summary>What a health condition with a missing input counts as.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MissingInputs>))]
public enum MissingInputs
{
    /// <summary>Left out of the average; a score with every condition left out has no value.</summary>
    [JsonStringEnumMemberName("skip")]
    Skip,

    [JsonStringEnumMemberName("poor")]
    Poor,

    [JsonStringEnumMemberName("concerning")]
    Concerning,

    [JsonStringEnumMemberName("healthy")]
    Healthy,
}
