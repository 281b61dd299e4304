namespace Rapport.Hub.Model;

/// <summary>
/// Every definition of the account model, as a customer-success team writes it: the data behind Settings → Metrics and
/// the versioned JSON file. Only an <see cref="AccountModel"/> built from it (which validates it whole) is evaluated.
/// </summary>
public sealed partial record ModelDefinitions
{
    public MrrDefinition? Mrr { get; init; }

    public TypeDefinition? Type { get; init; }

    public IReadOnlyList<ElementDefinition> Elements { get; init; } = [];

    public IReadOnlyList<MetricDefinition> Metrics { get; init; } = [];

    public IReadOnlyList<IndicatorDefinition> Indicators { get; init; } = [];

    public IReadOnlyList<SegmentDefinition> Segments { get; init; } = [];

    public IReadOnlyList<HealthScoreDefinition> HealthScores { get; init; } = [];

    public OwnerDefinition? Owner { get; init; }
}

/// <summary>MRR read from a trait of any source (<c>stripe.mrr</c>, <c>intercom.plan_price</c>), in one currency.</summary>
/// <param name="Trait">A trait as <c>source.name</c>; never <c>intercom.monthly_spend</c>, which Rapport itself pushes.</param>
/// <param name="Currency">An ISO 4217 code such as <c>USD</c>.</param>
public sealed record MrrDefinition(string Trait, string Currency);

/// <summary>Who at the account owns it: a trait holding the owner's user id (<c>user_id</c>, Intercom's external id).</summary>
public sealed record OwnerDefinition(string Trait);

/// <summary>
/// How an account's type is decided: churned while <see cref="Churn"/> holds or <see cref="ChurnDateTrait"/> has passed;
/// else a trial while <see cref="TrialEndTrait"/> is in the future, unqualified when <see cref="TrialQualification"/>
/// fails; else subscribed.
/// </summary>
public sealed record TypeDefinition
{
    public string? TrialEndTrait { get; init; }

    public ModelRule? TrialQualification { get; init; }

    public ModelRule? Churn { get; init; }

    public string? ChurnDateTrait { get; init; }
}

/// <summary>
/// A feature counted per account: +1 for each <see cref="Add"/> event, −1 for each <see cref="Remove"/> event (a
/// removal at zero is ignored), or the number a <see cref="Trait"/> holds.
/// </summary>
public sealed partial record ElementDefinition
{
    public required string Name { get; init; }

    public IReadOnlyList<string> Add { get; init; } = [];

    public IReadOnlyList<string> Remove { get; init; } = [];

    public string? Trait { get; init; }
}

/// <summary>A named risk or opportunity, active while its rule holds.</summary>
public sealed partial record IndicatorDefinition(string Name, IndicatorKind Kind, ModelRule Rule);

/// <summary>
/// A named group of accounts: those its rule matches, plus <see cref="Include"/>, minus <see cref="Exclude"/> (hub
/// account ids). The manual lists override the rule; a segment with no rule is manual only.
/// </summary>
public sealed partial record SegmentDefinition
{
    public required string Name { get; init; }

    public ModelRule? Rule { get; init; }

    public IReadOnlyList<long> Include { get; init; } = [];

    public IReadOnlyList<long> Exclude { get; init; } = [];
}
