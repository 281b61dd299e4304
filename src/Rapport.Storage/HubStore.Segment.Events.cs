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
            var fresh = (await connection.QueryAsync<(long Id, string Source, long UserId, string Name, object OccurredAt)>(Command(
                "SELECT id, source, user_id, name, occurred_at FROM events WHERE id > @after ORDER BY id",
                new { after }, transaction, cancellationToken))).ToList();
            var folded = 0;
            foreach (var e in fresh)
            {
                var at = SqlDialect.ReadTime(e.OccurredAt)!.Value;
                var twin = await connection.ExecuteScalarAsync<long?>(Command(
                    """
                    SELECT id FROM events
                    WHERE user_id = @UserId AND name = @Name AND source <> @Source AND id < @Id AND occurred_at BETWEEN @from AND @to
                    LIMIT 1
                    """, new { e.UserId, e.Name, e.Source, e.Id, from = Dialect.Time(at - window), to = Dialect.Time(at + window) },
                    transaction, cancellationToken));
                if (twin is null)
                    continue;
                await connection.ExecuteAsync(Command("DELETE FROM events WHERE id = @Id", new { e.Id }, transaction, cancellationToken));
                await connection.ExecuteAsync(Command(
                    "UPDATE event_names SET folded_count = folded_count + 1 WHERE source = @Source AND name = @Name",
                    new { e.Source, e.Name }, transaction, cancellationToken));
                folded++;
            }

            if (fresh.Count > 0)
                await SaveSyncStateAsync(connection, transaction, FoldWatermarkKey, fresh[^1].Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
            return folded;
        }, null, cancellationToken);

    public async Task<IReadOnlyList<(string Name, long Folded)>> ListSharedEventNamesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<(string, long)>(Command(
            "SELECT name, CAST(SUM(folded_count) AS bigint) FROM event_names GROUP BY name HAVING COUNT(DISTINCT source) > 1 ORDER BY name",
            null, null, cancellationToken))];
    }
}
