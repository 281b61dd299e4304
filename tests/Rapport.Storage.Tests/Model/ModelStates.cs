using Rapport.Hub.Accounts;
using Rapport.Hub.Model;

namespace Rapport.Storage.Tests.Model;

/// <summary>Accounts with hand-made model states, for the history and list specs.</summary>
internal static class ModelStates
{
    public static async Task<long[]> AccountsAsync(TestStore hub, int count)
    {
        var token = TestContext.Current.CancellationToken;
        await hub.Sources.ApplyCompaniesAsync(
            [.. Enumerable.Range(1, count).Select(i => Qualified(Company($"c{i}", $"acct-{i}", $"Account {i:00}")))], "run-1", cancellationToken: token);
        return [.. await hub.QueryAsync<long>("SELECT id FROM accounts ORDER BY external_id")];
    }

    public static AccountState State(
        long id, DateTimeOffset at, decimal? mrr = null, AccountType type = AccountType.Subscribed, decimal? health = null,
        IReadOnlyDictionary<string, decimal?>? metrics = null, IReadOnlyDictionary<string, long>? elements = null,
        IReadOnlyDictionary<string, decimal?>? scores = null, IReadOnlyList<string>? segments = null,
        IReadOnlyList<string>? indicators = null, string? owner = null) => new(
        new AccountId(id), at, mrr, mrr is null ? null : "USD", type,
        elements ?? new Dictionary<string, long>(), metrics ?? new Dictionary<string, decimal?>(),
        [.. (indicators ?? []).Select(name => new IndicatorState(name, IndicatorKind.Risk, true, at, null, 1))],
        segments ?? [], scores ?? new Dictionary<string, decimal?>(), health, owner, []);
}
