using System.Data.Common;
using Dapper;
using Rapport.Hub.Accounts;
using Rapport.Hub.Model;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Model;

internal sealed partial class ModelStore
{
    private static readonly DateOnly Epoch = new(1970, 1, 1);

    public Task<StoredDefinitions> SaveModelDefinitionsAsync(
        string json, string savedBy, IReadOnlyList<DefinitionRetirement> retired, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            // The write lock (SQLite) or the primary key (PostgreSQL) keeps two saves from taking one version number.
            var parameters = new DynamicParameters(new { json, savedBy });
            parameters.Add("now", database.Now());
            var row = await connection.QuerySingleAsync<DefinitionsRow>(Command(
                $"""
                INSERT INTO model_definitions (version, document, saved_by, saved_at)
                SELECT coalesce(MAX(version), 0) + 1, {database.Dialect.Json("@json")}, @savedBy, @now FROM model_definitions
                RETURNING version AS Version, document AS Json, saved_by AS SavedBy, saved_at AS SavedAt
                """, parameters, transaction, cancellationToken));
            var stored = row.ToStored();
            var insert = new ValuesBuilder(
                database.Dialect, "INSERT INTO model_retired (kind, name, renamed_to, definitions_version, retired_at)", ["{0}", "{0}", "{0}", "{0}", "{0}"]);
            foreach (var r in retired)
                insert.Add(r.Kind.ToName(), r.Name, r.RenamedTo, stored.Version, database.Dialect.Time(stored.SavedAt));
            if (insert.Count > 0)
                await insert.ExecuteAsync(connection, transaction, cancellationToken);
            return stored;
        }, null, cancellationToken);

    public async Task<IReadOnlyList<RetiredDefinition>> ListRetiredDefinitionsAsync(int afterVersion, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Kind, string Name, string? RenamedTo, int Version, DateTimeOffset RetiredAt)>(Command(
            """
            SELECT kind, name, renamed_to, definitions_version, retired_at FROM model_retired
            WHERE definitions_version > @afterVersion ORDER BY definitions_version, id
            """, new { afterVersion }, null, cancellationToken));
        return [.. rows.Select(r => new RetiredDefinition(
            DefinitionKinds.TryParse(r.Kind, out var kind) ? kind : throw new InvalidOperationException($"Unknown definition kind '{r.Kind}'."),
            r.Name, r.RenamedTo, r.Version, r.RetiredAt))];
    }

    public async Task<IReadOnlyList<AccountHistoryDay>> GetAccountHistoryAsync(AccountId accountId, DateOnly since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(int Day, string Values)>(Command(
            "SELECT day, vals FROM account_history WHERE account_id = @accountId AND day >= @since ORDER BY day",
            new { accountId = accountId.Value, since = DayNumber(since) }, null, cancellationToken));
        return [.. rows.Select(r => AccountHistoryDay.Read(Epoch.AddDays(r.Day), r.Values))];
    }

    private static int DayNumber(DateOnly day) => day.DayNumber - Epoch.DayNumber;

    /// <summary>
    /// Beside each state, in its batch: the day's history row (a later computation of the same day replaces it, an
    /// earlier one never does) and the named values the accounts list filters and sorts on. What is already stored as
    /// it would be written is left alone (read back in one query per chunk), so the hourly pass, which mostly changes
    /// nothing, mostly writes nothing.
    /// </summary>
    private async Task WriteModelValuesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AccountState> states, CancellationToken cancellationToken)
    {
        var latest = states.Reverse().DistinctBy(s => s.AccountId).ToList();
        var history = new ValuesBuilder(
            database.Dialect, "INSERT INTO account_history (account_id, day, computed_at, vals)", ["{0}", "{0}", "{0}", database.Dialect.Json("{0}")],
            """
            ON CONFLICT (account_id, day) DO UPDATE SET computed_at = excluded.computed_at, vals = excluded.vals
            WHERE account_history.computed_at <= excluded.computed_at
            """);
        var values = new ValuesBuilder(
            database.Dialect, "INSERT INTO account_values (account_id, kind, name, number)", ["{0}", "{0}", "{0}", "{0}"],
            "ON CONFLICT (account_id, kind, name) DO UPDATE SET number = excluded.number");
        var cleared = new List<long>();
        foreach (var chunk in latest.Chunk(InListChunk))
        {
            var ids = new { ids = database.Dialect.Numbers(chunk.Select(s => s.AccountId.Value)) };
            var storedDays = (await connection.QueryAsync<(long AccountId, int Day, string Values)>(Command(
                $"SELECT account_id, day, vals FROM account_history WHERE account_id {database.Dialect.InIds} AND day >= {DayNumber(chunk.Min(s => AccountHistoryDay.Of(s).Day))}",
                ids, transaction, cancellationToken))).ToDictionary(r => (r.AccountId, r.Day), r => r.Values);
            var storedValues = (await connection.QueryAsync<(long AccountId, string Kind, string Name, double Number)>(Command(
                $"SELECT account_id, kind, name, number FROM account_values WHERE account_id {database.Dialect.InIds}", ids, transaction, cancellationToken)))
                .ToLookup(v => v.AccountId, v => (v.Kind, v.Name, v.Number));
            foreach (var state in chunk)
            {
                var id = state.AccountId.Value;
                var day = AccountHistoryDay.Of(state);
                var json = day.ValuesJson();
                if (storedDays.GetValueOrDefault((id, DayNumber(day.Day))) != json)
                    history.Add(id, DayNumber(day.Day), database.Dialect.Time(state.ComputedAt), json);

                var wanted = NamedValues(state).DistinctBy(v => (v.Kind, v.Name)).ToList();
                var stored = storedValues[id].ToList();
                // A value the state no longer has (a segment left, a metric without a value) clears the account's rows.
                var gone = stored.Any(s => !wanted.Any(w => w.Kind == s.Kind && w.Name == s.Name));
                if (gone)
                    cleared.Add(id);
                foreach (var (kind, name, number) in gone ? wanted : wanted.Except(stored))
                    values.Add(id, kind, name, number);
            }
        }

        await history.ExecuteAsync(connection, transaction, cancellationToken);
        foreach (var chunk in cleared.Chunk(InListChunk))
        {
            await connection.ExecuteAsync(Command(
                $"DELETE FROM account_values WHERE account_id {database.Dialect.InIds}", new { ids = database.Dialect.Numbers(chunk) }, transaction, cancellationToken));
        }

        if (values.Count > 0)
            await values.ExecuteAsync(connection, transaction, cancellationToken);
    }

    private static IEnumerable<(string Kind, string Name, double Number)> NamedValues(AccountState state)
    {
        static string Key(string name) => name.Trim().ToLowerInvariant();
        foreach (var (name, count) in state.Elements)
            yield return (DefinitionKind.Element.ToName(), Key(name), count);
        foreach (var (name, value) in state.Metrics.Where(m => m.Value is not null))
            yield return (DefinitionKind.Metric.ToName(), Key(name), (double)value!.Value);
        foreach (var (name, value) in state.Health.Where(h => h.Value is not null))
            yield return (DefinitionKind.HealthScore.ToName(), Key(name), (double)value!.Value);
        foreach (var name in state.Segments)
            yield return (DefinitionKind.Segment.ToName(), Key(name), 1);
        foreach (var indicator in state.ActiveIndicators)
            yield return (DefinitionKind.Indicator.ToName(), Key(indicator.Name), 1);
    }
}
