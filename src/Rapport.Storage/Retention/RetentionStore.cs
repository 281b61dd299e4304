using System.Data.Common;
using System.Globalization;
using Dapper;
using Rapport.Hub.Retention;
using Rapport.Storage.Database;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Retention;

internal sealed partial class RetentionStore(HubDatabase database) : IRetentionStore
{
    private const string WebhooksPrunedKey = "retention.webhook_inbox.pruned";
    private const string SegmentPrunedKey = "retention.segment_inbox.pruned";
    private const string LastPruneKey = "retention.last_pass_at";

    /// <summary>Rows per delete: a pass after a long time without one (an upgrade) must not hold SQLite's one writer for long.</summary>
    private const int PruneBatch = 5_000;

    public Task<DatabaseSize> MeasureAsync(CancellationToken cancellationToken = default) => database.MeasureAsync(cancellationToken);

    public async Task<InboxPruning> PruneInboxesAsync(DateTimeOffset appliedBefore, CancellationToken cancellationToken = default)
    {
        var webhooks = await PruneAsync("webhook_inbox", WebhooksPrunedKey, appliedBefore, cancellationToken);
        var segment = await PruneAsync("segment_inbox", SegmentPrunedKey, appliedBefore, cancellationToken);
        var now = database.TimeProvider.GetUtcNow();
        await database.SetSyncStateAsync(LastPruneKey, now.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        return new InboxPruning(webhooks, segment, now);
    }

    public async Task<InboxPruning> CountPrunedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var values = (await connection.QueryAsync<(string Key, string? Value)>(Command(
                "SELECT key, value FROM sync_state WHERE key IN (@WebhooksPrunedKey, @SegmentPrunedKey, @LastPruneKey)",
                new { WebhooksPrunedKey, SegmentPrunedKey, LastPruneKey }, null, cancellationToken)))
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        return new InboxPruning(
            Count(values.GetValueOrDefault(WebhooksPrunedKey)),
            Count(values.GetValueOrDefault(SegmentPrunedKey)),
            values.GetValueOrDefault(LastPruneKey) is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The tallies of deleted rows, as SQL the inbox counts add to what is still there.</summary>
    internal const string WebhooksPruned = "COALESCE((SELECT CAST(value AS BIGINT) FROM sync_state WHERE key = '" + WebhooksPrunedKey + "'), 0)";
    internal const string SegmentPruned = "COALESCE((SELECT CAST(value AS BIGINT) FROM sync_state WHERE key = '" + SegmentPrunedKey + "'), 0)";

    private async Task<long> PruneAsync(string table, string key, DateTimeOffset appliedBefore, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            var deleted = await database.WriteAsync(async (connection, transaction) =>
            {
                var parameters = new DynamicParameters(new { limit = PruneBatch });
                parameters.Add("before", database.Dialect.Time(appliedBefore));
                // Applied rows are the oldest ids, so walking the primary key finds a batch without reading the rest.
                var count = await connection.ExecuteAsync(Command(
                    $"DELETE FROM {table} WHERE id IN (SELECT id FROM {table} WHERE applied_at < @before ORDER BY id LIMIT @limit)",
                    parameters, transaction, cancellationToken));
                if (count > 0)
                    await AddToTallyAsync(connection, transaction, key, count, cancellationToken);
                return count;
            }, null, cancellationToken);
            total += deleted;
            if (deleted < PruneBatch)
                return total;
        }
    }

    // One statement, so that two nodes pruning at once never lose each other's counts.
    private async Task AddToTallyAsync(DbConnection connection, DbTransaction transaction, string key, long count, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { key, count });
        parameters.Add("now", database.Now());
        await connection.ExecuteAsync(Command(
            """
            INSERT INTO sync_state (key, value, updated_at) VALUES (@key, CAST(@count AS TEXT), @now)
            ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(sync_state.value AS BIGINT) + @count AS TEXT), updated_at = excluded.updated_at
            """, parameters, transaction, cancellationToken));
    }

    private static long Count(string? value) => value is null ? 0 : long.Parse(value, CultureInfo.InvariantCulture);
}
