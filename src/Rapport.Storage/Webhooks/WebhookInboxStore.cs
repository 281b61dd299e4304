using Dapper;
using Rapport.Storage.Retention;
using Rapport.Hub.Webhooks;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Webhooks;

internal sealed partial class WebhookInboxStore(HubDatabase database) : IWebhookInboxStore
{
    private const string InboxColumns =
        """
        id AS Id, notification_id AS NotificationId, topic AS Topic, app_id AS AppId, item_type AS ItemType, item_id AS ItemId,
        item_updated_at AS ItemUpdatedAt, created_at AS CreatedAt, body AS Body, received_at AS ReceivedAt, attempts AS Attempts
        """;

    public async Task<bool> AppendToInboxAsync(InboxNotification notification, CancellationToken cancellationToken = default) =>
        (await AppendToInboxAsync([notification], cancellationToken))[0];

    /// <summary>One multi-row statement per batch: the endpoint's group commit makes a burst cost one round trip.</summary>
    public Task<IReadOnlyList<bool>> AppendToInboxAsync(IReadOnlyList<InboxNotification> notifications, CancellationToken cancellationToken = default) =>
        database.WriteAsync<IReadOnlyList<bool>>(async (connection, transaction) =>
        {
            var insert = new ValuesBuilder(
                database.Dialect,
                "INSERT INTO webhook_inbox (notification_id, topic, app_id, item_type, item_id, item_updated_at, created_at, body, received_at)",
                ["{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}"],
                "ON CONFLICT (notification_id) DO NOTHING RETURNING notification_id");
            var now = database.Now();
            foreach (var n in notifications)
                insert.Add(n.NotificationId, n.Topic, n.AppId, n.ItemType, n.ItemId, database.Dialect.Time(n.ItemUpdatedAt), database.Dialect.Time(n.CreatedAt), n.Body, now);
            var inserted = (await insert.QueryStringsAsync(connection, transaction, cancellationToken)).ToHashSet(StringComparer.Ordinal);
            // The same id twice in one batch is inserted once: the first is the delivery, the second a redelivery.
            return [.. notifications.Select(n => inserted.Remove(n.NotificationId))];
        }, null, cancellationToken);

    public Task<IReadOnlyList<InboxItem>> ClaimInboxAsync(int limit, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken = default) =>
        database.WriteAsync<IReadOnlyList<InboxItem>>(async (connection, transaction) =>
        {
            var now = database.TimeProvider.GetUtcNow();
            var parameters = new DynamicParameters(new { limit, maxAttempts });
            parameters.Add("now", database.Dialect.Time(now));
            parameters.Add("until", database.Dialect.Time(now + lease));
            // PostgreSQL: rows another node is claiming right now are skipped, not waited for. SQLite has one writer at a time anyway.
            var rows = await connection.QueryAsync<InboxRow>(Command(
                $"""
                UPDATE webhook_inbox SET attempts = attempts + 1, claimed_until = @until
                WHERE id IN (
                    SELECT id FROM webhook_inbox
                    WHERE applied_at IS NULL AND attempts < @maxAttempts AND (claimed_until IS NULL OR claimed_until <= @now)
                    ORDER BY id LIMIT @limit {database.Dialect.SkipLocked})
                RETURNING {InboxColumns}
                """, parameters, transaction, cancellationToken));
            return [.. rows.OrderBy(r => r.Id).Select(r => r.ToItem())];
        }, null, cancellationToken);

    public Task MarkInboxAppliedAsync(long id, string outcome, CancellationToken cancellationToken = default) =>
        MarkInboxAppliedAsync([(id, outcome)], cancellationToken);

    /// <summary>One statement per distinct outcome, not per row: a batch of 200 mostly shares one or two outcomes.</summary>
    public Task MarkInboxAppliedAsync(IReadOnlyList<(long Id, string Outcome)> outcomes, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            foreach (var group in outcomes.GroupBy(o => o.Outcome, StringComparer.Ordinal))
            {
                foreach (var ids in group.Select(o => o.Id).Chunk(InListChunk))
                {
                    var parameters = new DynamicParameters(new { ids = database.Dialect.Numbers(ids), outcome = group.Key });
                    parameters.Add("now", database.Now());
                    await connection.ExecuteAsync(Command(
                        $"UPDATE webhook_inbox SET applied_at = @now, outcome = @outcome, claimed_until = NULL WHERE id {database.Dialect.InIds}", parameters, transaction, cancellationToken));
                }
            }

            return outcomes.Count;
        }, null, cancellationToken);

    public Task MarkInboxFailedAsync(long id, string error, TimeSpan retryAfter, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { id, error });
        parameters.Add("until", database.Dialect.Time(database.TimeProvider.GetUtcNow() + retryAfter));
        return database.ChangeOneAsync("UPDATE webhook_inbox SET error = @error, outcome = 'failed', claimed_until = @until WHERE id = @id", parameters, cancellationToken);
    }

    public async Task<InboxCounts> CountInboxAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<InboxCountsRow>(Command(
            $"""
            SELECT COUNT(*) + {RetentionStore.WebhooksPruned} AS Received, COUNT(applied_at) + {RetentionStore.WebhooksPruned} AS Applied,
                   COALESCE(SUM(CASE WHEN applied_at IS NULL THEN 1 ELSE 0 END), 0) AS Pending,
                   COALESCE(SUM(CASE WHEN applied_at IS NULL AND error IS NOT NULL THEN 1 ELSE 0 END), 0) AS Failed,
                   MAX(received_at) AS LastReceivedAt, MAX(applied_at) AS LastAppliedAt
            FROM webhook_inbox
            """, null, null, cancellationToken));
        return new InboxCounts(row.Received, row.Applied, row.Pending, row.Failed, row.LastReceivedAt, row.LastAppliedAt);
    }

    private sealed class InboxRow
    {
        public long Id { get; set; }
        public string NotificationId { get; set; } = "";
        public string Topic { get; set; } = "";
        public string AppId { get; set; } = "";
        public string? ItemType { get; set; }
        public string? ItemId { get; set; }
        public DateTimeOffset? ItemUpdatedAt { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public string Body { get; set; } = "";
        public DateTimeOffset? ReceivedAt { get; set; }
        public long Attempts { get; set; }

        public InboxItem ToItem() => new(
            Id,
            new InboxNotification(NotificationId, Topic, AppId, ItemType, ItemId, ItemUpdatedAt, CreatedAt!.Value, Body),
            ReceivedAt!.Value,
            (int)Attempts);
    }

    private sealed class InboxCountsRow
    {
        public long Received { get; set; }
        public long Applied { get; set; }
        public long Pending { get; set; }
        public long Failed { get; set; }
        public DateTimeOffset? LastReceivedAt { get; set; }
        public DateTimeOffset? LastAppliedAt { get; set; }
    }
}
