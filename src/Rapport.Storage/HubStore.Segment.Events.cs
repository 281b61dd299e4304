using System.Globalization;
using Dapper;
using Rapport.Hub.Events;
using Rapport.Storage.Sql;

namespace Rapport.Storage;

internal abstract partial class HubStore
{
    private const string FoldWatermarkKey = "events.fold.after";

    public async Task<IReadOnlyList<EventOutcome>> RecordAccountEventsAsync(
        IReadOnlyList<(SourceEvent Event, string? AccountExternalId)> batch, CancellationToken cancellationToken = default)
    {
        var outcomes = await RecordEventsAsync([.. batch.Select(b => b.Event)], cancellationToken);
        var stored = batch.Where((_, i) => outcomes[i] == EventOutcome.Stored && batch[i].Event.UserExternalId is not null).ToList();
        if (stored.Count == 0)
            return outcomes;
        // A second transaction: should it be lost, the caller applies the batch again and only this part does anything.
        await WriteAsync(async (connection, transaction) =>
        {
            foreach (var (e, account) in stored)
            {
                var key = DedupKey(e.Workspace, e.UserExternalId!, e.Name, e.OccurredAt);
                await connection.ExecuteAsync(Command(
                    """
                    UPDATE events SET account_id = coalesce(
                        (SELECT a.id FROM accounts a WHERE a.external_id = @account),
                        (SELECT m.account_id FROM memberships m WHERE m.user_id = events.user_id ORDER BY m.created_at DESC, m.account_id DESC LIMIT 1))
                    WHERE source = @Source AND dedup_key = @key
                    """, new { e.Source, key, account }, transaction, cancellationToken));
            }

            return 0;
        }, null, cancellationToken);
        return outcomes;
    }

    public Task<int> FoldCrossSourceEventsAsync(TimeSpan window, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
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
                """, new { after, upTo, window = Dialect.Duration(window) }, transaction, cancellationToken));

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
                    $"DELETE FROM events WHERE id {Dialect.InIds}", new { ids = Dialect.Numbers(folded.Select(f => f.Id)) }, transaction, cancellationToken));
                foreach (var name in folded.GroupBy(f => (f.Source, f.Name)))
                {
                    await connection.ExecuteAsync(Command(
                        "UPDATE event_names SET folded_count = folded_count + @count WHERE source = @Source AND name = @Name",
                        new { count = name.Count(), name.Key.Source, name.Key.Name }, transaction, cancellationToken));
                }
            }

            await SaveSyncStateAsync(connection, transaction, FoldWatermarkKey, upTo.ToString(CultureInfo.InvariantCulture), cancellationToken);
            return folded.Count;
        }, null, cancellationToken);

    public async Task<IReadOnlyList<(string Name, long Folded)>> ListSharedEventNamesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<(string, long)>(Command(
            "SELECT name, CAST(SUM(folded_count) AS bigint) FROM event_names GROUP BY name HAVING COUNT(DISTINCT source) > 1 ORDER BY name",
            null, null, cancellationToken))];
    }
}
