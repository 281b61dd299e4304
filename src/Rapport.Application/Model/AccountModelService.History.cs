using Rapport.Hub.Model;
using Rapport.Hub.Accounts;
using Rapport.Hub.Playbooks;

namespace Rapport.Application.Model;

/// <summary>One chart of an account's history: a value per day, missing days left out.</summary>
/// <param name="Kind"><c>health</c>, <c>mrr</c>, or a definition kind (<c>health_score</c>, <c>metric</c>, <c>element</c>).</param>
public sealed record HistorySeries(string Kind, string Name, IReadOnlyList<HistoryPoint> Points)
{
    public HistoryPoint? Latest => Points.Count == 0 ? null : Points[^1];

    public decimal? Min => Points.Count == 0 ? null : Points.Min(p => p.Value);

    public decimal? Max => Points.Count == 0 ? null : Points.Max(p => p.Value);
}

public sealed record HistoryPoint(DateOnly Day, decimal Value);

/// <summary>An account's history over <see cref="Days"/> days to <see cref="To"/>, every series named as today's definitions name it.</summary>
public sealed record AccountHistory(long AccountId, DateOnly From, DateOnly To, int Days, IReadOnlyList<AccountHistoryDay> Rows, IReadOnlyList<HistorySeries> Series);

public sealed partial class AccountModelService
{
    public const int MaxHistoryDays = 3_660;

    /// <summary>
    /// The account's last <paramref name="days"/> UTC days (today included), with renamed definitions' older days under
    /// their newest name; the series are overall health, each health score, each metric and each element of the newest day.
    /// </summary>
    public async Task<AccountHistory> GetHistoryAsync(long accountId, int days, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxHistoryDays);
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var from = today.AddDays(1 - days);
        var stored = await modelStore.GetAccountHistoryAsync(new AccountId(accountId), from, cancellationToken).ConfigureAwait(false);
        var renames = DefinitionRenames.Resolver(await modelStore.ListRetiredDefinitionsAsync(0, cancellationToken).ConfigureAwait(false));
        var rows = stored.Select(day => day.FollowRenames((kind, name) => renames(kind, name, day.Day))).ToList();

        var series = new List<HistorySeries> { Series("health", "Overall health", rows, r => r.Health) };
        if (rows.Count > 0)
        {
            var newest = rows[^1];
            series.AddRange(newest.Scores.Keys.Select(name => Series(DefinitionKind.HealthScore.ToName(), name, rows, r => r.Scores.GetValueOrDefault(name))));
            series.AddRange(newest.Metrics.Keys.Select(name => Series(DefinitionKind.Metric.ToName(), name, rows, r => r.Metrics.GetValueOrDefault(name))));
            series.AddRange(newest.Elements.Keys.Select(name => Series(
                DefinitionKind.Element.ToName(), name, rows, r => r.Elements.TryGetValue(name, out var count) ? count : null)));
        }

        series.Add(Series("mrr", "MRR", rows, r => r.Mrr));
        return new AccountHistory(accountId, from, today, days, rows, series);
    }

    private static HistorySeries Series(string kind, string name, List<AccountHistoryDay> rows, Func<AccountHistoryDay, decimal?> value) =>
        new(kind, name, [.. rows.Where(r => value(r) is not null).Select(r => new HistoryPoint(r.Day, value(r)!.Value))]);
}
