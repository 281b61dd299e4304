using System.Text.Json;
using Rapport.Hub.Model;

namespace Rapport.Web.Model;

/// <summary>The definitions in force; <c>version</c> and <c>definitions</c> are null before the first save.</summary>
internal sealed record ModelDocumentDto(int? Version, string? SavedBy, DateTimeOffset? SavedAt, JsonElement? Definitions)
{
    public static ModelDocumentDto From(StoredDefinitions? stored) => stored is null
        ? new(null, null, null, null)
        : new(stored.Version, stored.SavedBy, stored.SavedAt, JsonDocument.Parse(stored.Json).RootElement.Clone());
}

internal sealed record ModelSavedDto(int Version, string SavedBy, DateTimeOffset SavedAt, int AccountsComputed);

/// <summary>One problem of a refused document: the definition it names (<c>Metric 'Weekly logins'</c>) and what is wrong.</summary>
internal sealed record ModelProblemDto(string Definition, string Message);

internal sealed record IndicatorDto(
    string Name, string Kind, bool Active, DateTimeOffset ActivatedAt, DateTimeOffset? DeactivatedAt, int Activations,
    DateTimeOffset? AddressedAt = null, string? AddressedBy = null);

/// <summary>An account as the model computed it at <c>computedAt</c>.</summary>
internal sealed record AccountModelDto(
    long AccountId,
    DateTimeOffset ComputedAt,
    decimal? Mrr,
    string? Currency,
    string Type,
    decimal? Health,
    IReadOnlyDictionary<string, decimal?> HealthScores,
    IReadOnlyDictionary<string, long> Elements,
    IReadOnlyDictionary<string, decimal?> Metrics,
    IReadOnlyList<IndicatorDto> Indicators,
    IReadOnlyList<string> Segments,
    string? OwnerUserId,
    IReadOnlyList<ModelProblemDto> Problems)
{
    public static AccountModelDto From(AccountState s) => new(
        s.AccountId.Value, s.ComputedAt, s.Mrr, s.Currency, s.Type.ToName(), s.OverallHealth, s.Health, s.Elements, s.Metrics,
        [.. s.Indicators.Select(i => new IndicatorDto(i.Name, i.Kind == IndicatorKind.Risk ? "risk" : "opportunity", i.Active, i.ActivatedAt, i.DeactivatedAt, i.Activations, i.AddressedAt, i.AddressedBy))],
        s.Segments, s.OwnerUserId, [.. s.Problems.Select(p => new ModelProblemDto(p.Definition, p.Message))]);
}
