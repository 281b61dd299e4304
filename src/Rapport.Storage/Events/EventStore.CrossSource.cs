using System.Data.Common;
using System.Globalization;
using Dapper;
using Rapport.Hub.Events;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Events;

internal sealed partial class EventStore
{
    private const string FoldWatermarkKey = "events.fold.after";

    public Task<IReadOnlyList<EventOutcome>> RecordAccountEventsAsync(
        IReadOnlyList<(SourceEvent Event, string? AccountExternalId)> batch, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => RecordEventsAsync(
            connection, transaction, [.. batch.Select(b => b.Event)], [.. batch.Select(b => b.AccountExternalId)], cancellationToken), null, cancellationToken);

    /// <summary>
    /// Each event's account, stored with it: the one it names when that exists, else its user's most recent account. Two
    /// queries for the whole batch, never one per event.
    /// </summary>
    private async Task<Func<int, long, object?>> EventAccountsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<SourceEvent> batch, IReadOnlyList<string?> accounts, EventUsers users,
        CancellationToken cancellationToken)
    {
        var named = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in accounts.OfType<string>().Distinct(StringComparer.Ordinal).Chunk(InListChunk))
        {
            foreach (var (id, externalId) in await connection.QueryAsync<(long, string)>(Command(
                $"SELECT id, external_id FROM accounts WHERE external_id {database.Dialect.InIds}", new { ids = database.Dialect.Ids(chunk) }, transaction, cancellationToken)))
            {
                named[externalId] = id;
            }
        }

        var latest = new Dictionary<long, long>();
        var userIds = batch.Select(users.Resolve).OfType<EventUser>().Select(u => u.Id).Distinct();
        foreach (var chunk in userIds.Chunk(InListChunk))
        {
            // Newest first: the first row per user is its most recent account.
            foreach (var (userId, accountId) in await connection.QueryAsync<(long, long)>(Command(
                $"SELECT user_id, account_id FROM memberships WHERE user_id {database.Dialect.InIds} ORDER BY created_at DESC, account_id DESC",
                new { ids = database.Dialect.Numbers(chunk) }, transaction, cancellationToken)))
            {
                latest.TryAdd(userId, accountId);
            }
        }

        return (index, userId) => accounts[index] is { } name && named.TryGetValue(name, out var account) ? account
            : latest.TryGetValue(userId, out var recent) ? recent : (object?)null;
    }

    public Task<int> FoldCrossSourceEventsAsync(TimeSpan window, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var after = long.Parse(
                await connection.ExecuteScalarAsync<string?>(Command(
                    "SELECT value FROM sync_state WHERE key = @FoldWatermarkKey", new { FoldWatermarkKey }, transaction, cancellationToken)) ?? "0",
                CultureInfo.InvariantCulture);
            var last = await connection.ExecuteScalarAsync<long?>(Command("SELECT max(id) FROM events", null, transaction, cancellationToken));
            if (last is not { } upTo || upTo <= after)
                return 0;

            // One statement finds every new event with a copy from another source in the window (an index probe on
            // events by user and name for each); only those pairs come back, so a pass over 1,000,000 events returns
            // just the duplicates.
            var pairs = await connection.QueryAsync<(long Id, string Source, string Name, long Twin)>(Command(
                """
                SELECT e.id, e.source, e.name, t.id
                FROM events e
                JOIN events t ON t.user_id = e.user_id AND t.name = e.name AND t.source <> e.source AND t.id < e.id
                    AND t.occurred_at BETWEEN e.occurred_at - @window AND e.occurred_at + @window
                WHERE e.id > @after AND e.id <= @upTo
                ORDER BY e.id
                """, new { after, upTo, window = database.Dialect.Duration(window) }, transaction, cancellationToken));

            // In arrival order, the later copy of a pair goes; a copy already folded is no one's twin any more, so a user
            // who did the event twice in the window, delivered by both sources, keeps two events.
            var folded = new List<(long Id, string Source, string Name)>();
            var gone = new HashSet<long>();
            foreach (var pair in pairs.GroupBy(p => (p.Id, p.Source, p.Name)))
            {
                if (pair.Any(p => !gone.Contains(p.Twin)) && gone.Add(pair.Key.Id))
                    folded.Add(pair.Key);
            }

            if (folded.Count > 0)
            {
                await connection.ExecuteAsync(Command(
                    $"DELETE FROM events WHERE id {database.Dialect.InIds}", new { ids = database.Dialect.Numbers(folded.Select(f => f.Id)) }, transaction, cancellationToken));
                foreach (var name in folded.GroupBy(f => (f.Source, f.Name)))
                {
                    await connection.ExecuteAsync(Command(
                        "UPDATE event_names SET folded_count = folded_count + @count WHERE source = @Source AND name = @Name",
                        new { count = name.Count(), name.Key.Source, name.Key.Name }, transaction, cancellationToken));
                }
            }

            await database.SaveSyncStateAsync(connection, transaction, FoldWatermarkKey, upTo.ToString(CultureInfo.InvariantCulture), cancellationToken);
            return folded.Count;
        }, null, cancellationToken);

    public async Task<IReadOnlyList<(string Name, long Folded)>> ListSharedEventNamesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<(string, long)>(Command(
            "SELECT name, CAST(SUM(folded_count) AS bigint) FROM event_names GROUP BY name HAVING COUNT(DISTINCT source) > 1 ORDER BY name",
            null, null, cancellationToken))];
    }
}
