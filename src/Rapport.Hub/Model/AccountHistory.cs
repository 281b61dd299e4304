using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rapport.Hub.Model;

/// <summary>
/// An account's model values on one UTC day, as the day's last computation left them: only values, keyed by definition
/// name, so a year of days stays small.
/// </summary>
public sealed record AccountHistoryDay(
    DateOnly Day,
    decimal? Health,
    decimal? Mrr,
    string? Type,
    IReadOnlyDictionary<string, decimal?> Scores,
    IReadOnlyDictionary<string, decimal?> Metrics,
    IReadOnlyDictionary<string, long> Elements)
{
    public static AccountHistoryDay Of(AccountState state) => new(
        DateOnly.FromDateTime(state.ComputedAt.UtcDateTime), state.OverallHealth, state.Mrr, state.Type.ToName(),
        state.Health, state.Metrics, state.Elements);

    /// <summary>The values as the store keeps them (the day is the row's key, not part of the JSON).</summary>
    public string ValuesJson() => JsonSerializer.Serialize(
        new HistoryValues(Health, Mrr, Type, Copy(Scores), Copy(Metrics), Copy(Elements)), AccountHistoryJsonContext.Default.HistoryValues);

    public static AccountHistoryDay Read(DateOnly day, string json)
    {
        var values = JsonSerializer.Deserialize(json, AccountHistoryJsonContext.Default.HistoryValues)
            ?? new HistoryValues(null, null, null, null, null, null);
        return new AccountHistoryDay(
            day, values.H, values.Mrr, values.T, Copy(values.S) ?? [], Copy(values.M) ?? [], Copy(values.E) ?? []);
    }

    /// <summary>
    /// The same day with names a later version renamed replaced by their newest name (<paramref name="renames"/> maps
    /// an old name of a kind to its new one), so a renamed definition's series goes back past its rename.
    /// </summary>
    public AccountHistoryDay FollowRenames(Func<DefinitionKind, string, string> renames) => this with
    {
        Scores = Rename(Scores, DefinitionKind.HealthScore, renames),
        Metrics = Rename(Metrics, DefinitionKind.Metric, renames),
        Elements = Rename(Elements, DefinitionKind.Element, renames),
    };

    private static Dictionary<string, T> Rename<T>(IReadOnlyDictionary<string, T> values, DefinitionKind kind, Func<DefinitionKind, string, string> renames)
    {
        var result = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        // A name still present under its own name wins over an older name renamed onto it.
        foreach (var (name, value) in values.Where(v => Equals(renames(kind, v.Key), v.Key)))
            result[name] = value;
        foreach (var (name, value) in values)
            result.TryAdd(renames(kind, name), value);
        return result;
    }

    private static Dictionary<string, T>? Copy<T>(IReadOnlyDictionary<string, T>? values) =>
        values is null || values.Count == 0 ? null : new Dictionary<string, T>(values, StringComparer.OrdinalIgnoreCase);

    /// <summary>Short keys: a row per account per day adds up.</summary>
    internal sealed record HistoryValues(
        decimal? H,
        decimal? Mrr,
        string? T,
        Dictionary<string, decimal?>? S,
        Dictionary<string, decimal?>? M,
        Dictionary<string, long>? E);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AccountHistoryDay.HistoryValues))]
internal sealed partial class AccountHistoryJsonContext : JsonSerializerContext;
