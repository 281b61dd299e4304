using System.Text.Json;

namespace Rapport.Hub.Model;

/// <summary>
/// A validated set of definitions, ready to evaluate. There is no way to build one from definitions with a problem, so
/// a bad edit is never partially applied: <see cref="Create"/> and <see cref="Load"/> give either a model or every
/// problem.
/// </summary>
public sealed class AccountModel
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    private AccountModel(ModelDefinitions definitions)
    {
        Definitions = definitions;
        Metrics = definitions.Metrics.ToDictionary(d => d.Name, Names);
        Elements = definitions.Elements.ToDictionary(d => d.Name, Names);
        Indicators = definitions.Indicators.ToDictionary(d => d.Name, Names);
        Segments = definitions.Segments.ToDictionary(d => d.Name, Names);
        HealthScores = definitions.HealthScores.ToDictionary(d => d.Name, Names);
        HealthFields = definitions.HealthScores
            .SelectMany(score => score.Conditions)
            .ToDictionary<HealthCondition, HealthCondition, IReadOnlyList<string>>(
                condition => condition, ConditionFields.Of, ReferenceEqualityComparer.Instance);
    }

    public ModelDefinitions Definitions { get; }

    internal IReadOnlyDictionary<string, MetricDefinition> Metrics { get; }

    internal IReadOnlyDictionary<string, ElementDefinition> Elements { get; }

    internal IReadOnlyDictionary<string, IndicatorDefinition> Indicators { get; }

    internal IReadOnlyDictionary<string, SegmentDefinition> Segments { get; }

    internal IReadOnlyDictionary<string, HealthScoreDefinition> HealthScores { get; }

    /// <summary>The fields each health condition reads, to tell a missing input from a failed condition.</summary>
    internal IReadOnlyDictionary<HealthCondition, IReadOnlyList<string>> HealthFields { get; }

    /// <summary>Validates <paramref name="definitions"/> against <paramref name="catalog"/>, as a document about to be saved.</summary>
    public static ModelLoadResult Create(ModelDefinitions definitions, ModelCatalog catalog) => Create(definitions, catalog, checkPushedNames: true);

    /// <summary>Reads a JSON definitions document and validates it; a structural JSON error is one problem with its path.</summary>
    public static ModelLoadResult Load(string json, ModelCatalog catalog) => Load(json, catalog, checkPushedNames: true);

    /// <summary>
    /// <see cref="Load(string, ModelCatalog)"/> for the document in force: one saved before the rule on pushed
    /// attribute names existed may hold two definitions on one attribute, and is computed all the same (the push
    /// reports each clash and pushes one value) until it is next saved, when the rule applies.
    /// </summary>
    public static ModelLoadResult LoadSaved(string json, ModelCatalog catalog) => Load(json, catalog, checkPushedNames: false);

    private static ModelLoadResult Create(ModelDefinitions definitions, ModelCatalog catalog, bool checkPushedNames)
    {
        var problems = ModelValidator.Validate(definitions, catalog, checkPushedNames);
        return problems.Count == 0 ? new ModelLoadResult(new AccountModel(definitions), []) : new ModelLoadResult(null, problems);
    }

    private static ModelLoadResult Load(string json, ModelCatalog catalog, bool checkPushedNames)
    {
        ModelDefinitions? definitions;
        try
        {
            definitions = JsonSerializer.Deserialize(json, ModelJsonContext.Default.ModelDefinitions);
        }
        catch (JsonException exception)
        {
            return new ModelLoadResult(null, [new ModelProblem($"Document{(exception.Path is { } path ? " at " + path : "")}", FirstLine(exception.Message))]);
        }

        return definitions is null
            ? new ModelLoadResult(null, [new ModelProblem("Document", "it is null; expected an object of definitions")])
            : Create(definitions.WithEmptyLists(), catalog, checkPushedNames);
    }

    /// <summary>The definitions as the JSON document <see cref="Load"/> reads.</summary>
    public static string ToJson(ModelDefinitions definitions) =>
        JsonSerializer.Serialize(definitions, ModelJsonContext.Default.ModelDefinitions);

    /// <summary>
    /// Computes one account's state at <paramref name="now"/>. Pure: same inputs, same state. <paramref name="previous"/>
    /// carries indicators' activation dates (and addressed marks) from the last computation.
    /// </summary>
    public AccountState Evaluate(IAccountInputs inputs, AccountState? previous, DateTimeOffset now) =>
        new AccountEvaluation(this, inputs, previous, now).Run();

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

/// <summary>Either a model or the problems that kept it from being built; never both.</summary>
public sealed record ModelLoadResult(AccountModel? Model, IReadOnlyList<ModelProblem> Problems)
{
    public bool Succeeded => Model is not null;
}
