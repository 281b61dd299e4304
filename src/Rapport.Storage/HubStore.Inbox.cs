using Dapper;
using Rapport.Hub.Webhooks;
using Rapport.Storage.Sql;

namespace Rapport.Storage;

internal abstract partial class HubStore
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
        WriteAsync<IReadOnlyList<bool>>(async (connection, transaction) =>
        {
            var insert = new ValuesBuilder(
                dialect,
                "INSERT INTO webhook_inbox (notification_id, topic, app_id, item_type, item_id, item_updated_at, created_at, body, received_at)",
                ["{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}"],
                "ON CONFLICT (notification_id) DO NOTHING RETURNING notification_id");
            var now = Now();
            foreach (var n in notifications)
                insert.Add(n.NotificationId, n.Topic, n.AppId, n.ItemType, n.ItemId, Dialect.Time(n.ItemUpdatedAt), Dialect.Time(n.CreatedAt), n.Body, now);
            var inserted = (await insert.QueryStringsAsync(connection, transaction, cancellationToken)).ToHashSet(StringComparer.Ordinal);
            // The same id twice in one batch is inserted once: the first is the delivery, the second a redelivery.
            return [.. notifications.Select(n => inserted.Remove(n.NotificationId))];
        }, null, cancellationToken);

    public Task<IReadOnlyList<InboxItem>> ClaimInboxAsync(int limit, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken = default) =>
        WriteAsync<IReadOnlyList<InboxItem>>(async (connection, transaction) =>
        {
            var now = timeProvider.GetUtcNow();
            var parameters = new DynamicParameters(new { limit, maxAttempts });
            parameters.Add("now", Dialect.Time(now));
            parameters.Add("until", Dialect.Time(now + lease));
            // PostgreSQL: rows another node is claiming right now are skipped, not waited for. SQLite has one writer at a time anyway.
            var rows = await connection.QueryAsync<InboxRow>(Command(
                $"""
                UPDATE webhook_inbox SET attempts = attempts + 1, claimed_until = @until
                WHERE id IN (
                    SELECT id FROM webhook_inbox
                    WHERE applied_at IS NULL AND attempts < @maxAttempts AND (claimed_until IS NULL OR claimed_until <= @now)
                    ORDER BY id LIMIT @limit {Dialect.SkipLocked})
                RETURNING {InboxColumns}
                """, parameters, transaction, cancellationToken));
            return [.. rows.OrderBy(r => r.Id).Select(r => r.ToItem())];
        }, null, cancellationToken);

    public Task MarkInboxAppliedAsync(long id, string outcome, CancellationToken cancellationToken = default) =>
        MarkInboxAppliedAsync([(id, outcome)], cancellationToken);

    /// <summary>One statement per distinct outcome, not per row: a batch of 200 mostly shares one or two outcomes.</summary>
    public Task MarkInboxAppliedAsync(IReadOnlyList<(long Id, string Outcome)> outcomes, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            foreach (var group in outcomes.GroupBy(o => o.Outcome, StringComparer.Ordinal))
            {
                foreach (var ids in group.Select(o => o.Id).Chunk(InListChunk))
                {
                    var parameters = new DynamicParameters(new { ids = Dialect.Numbers(ids), outcome = group.Key });
                    parameters.Add("now", Now());
                    await connection.ExecuteAsync(Command(
                        $"UPDATE webhook_inbox SET applied_at = @now, outcome = @outcome, claimed_until = NULL WHERE id {Dialect.InIds}", parameters, transaction, cancellationToken));
                }
            }

            return outcomes.Count;
        }, null, cancellationToken);

    public Task MarkInboxFailedAsync(long id, string error, TimeSpan retryAfter, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { id, error });
        parameters.Add("until", Dialect.Time(timeProvider.GetUtcNow() + retryAfter));
        return ChangeOneAsync("UPDATE webhook_inbox SET error = @error, outcome = 'failed', claimed_until = @until WHERE id = @id", parameters, cancellationToken);
    }

    public async Task<InboxCounts> CountInboxAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<InboxCountsRow>(Command(
            $"""
            SELECT COUNT(*) + {WebhooksPruned} AS Received, COUNT(applied_at) + {WebhooksPruned} AS Applied,
                   COALESCE(SUM(CASE WHEN applied_at IS NULL THEN 1 ELSE 0 END), 0) AS Pending,
                   COALESCE(SUM(CASE WHEN applied_at IS NULL AND error IS NOT NULL THEN 1 ELSE 0 END), 0) AS Failed,
                   MAX(received_at) AS LastReceivedAt, MAX(applied_at) AS LastAppliedAt
            FROM webhook_inbox
            """, null, null, cancellationToken));
        return new InboxCounts(row.Received, row.Applied, row.Pending, row.Failed, SqlDialect.ReadTime(row.LastReceivedAt), SqlDialect.ReadTime(row.LastAppliedAt));
    }

    public async Task<DateTimeOffset?> FindSourceUpdatedAtAsync(string source, string kind, string sourceId, CancellationToken cancellationToken = default)
    {
        var table = kind switch
        {
            "company" => "source_companies",
            "contact" => "source_contacts",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected company or contact."),
        };
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var value = await connection.ExecuteScalarAsync<object?>(Command(
            $"SELECT source_updated_at FROM {table} WHERE source = @source AND source_id = @sourceId", new { source, sourceId }, null, cancellationToken));
        return SqlDialect.ReadTime(value);
    }

    public async Task<bool> IsSourceCompanyImportedAsync(string source, string sourceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(Command(
            """
            SELECT COUNT(*) FROM source_companies sc JOIN accounts a ON a.id = sc.account_id
            WHERE sc.source = @source AND sc.source_id = @sourceId AND sc.qualified AND a.status = 'active'
            """, new { source, sourceId }, null, cancellationToken)) > 0;
    }

    public Task<bool> DeactivateSourceCompanyAsync(string source, string sourceId, string reason, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new { source, sourceId, reason });
            parameters.Add("now", Now());
            // content_hash is cleared so that the company, should it come back unchanged, is rewritten and its account revived.
            var accountId = await connection.QuerySingleOrDefaultAsync<long?>(Command(
                """
                UPDATE source_companies SET qualified = FALSE, reason = @reason, content_hash = NULL, written_at = @now
                WHERE source = @source AND source_id = @sourceId
                RETURNING account_id
                """, parameters, transaction, cancellationToken));
            if (accountId is not { } account)
                return false;
            await DeactivateIfOrphanedAsync(connection, transaction, account, reason, cancellationToken);
            return true;
        }, null, cancellationToken);

    private sealed class InboxRow
    {
        public long Id { get; set; }
        public string NotificationId { get; set; } = "";
        public string Topic { get; set; } = "";
        public string AppId { get; set; } = "";
        public string? ItemType { get; set; }
        public string? ItemId { get; set; }
        public object? ItemUpdatedAt { get; set; }
        public object? CreatedAt { get; set; }
        public string Body { get; set; } = "";
        public object? ReceivedAt { get; set; }
        public long Attempts { get; set; }

        public InboxItem ToItem() => new(
            Id,
            new InboxNotification(NotificationId, Topic, AppId, ItemType, ItemId, SqlDialect.ReadTime(ItemUpdatedAt), SqlDialect.ReadTime(CreatedAt)!.Value, Body),
            SqlDialect.ReadTime(ReceivedAt)!.Value,
            (int)Attempts);
    }

    private sealed class InboxCountsRow
    {
        public long Received { get; set; }
        public long Applied { get; set; }
        public long Pending { get; set; }
        public long Failed { get; set; }
        public object? LastReceivedAt { get; set; }
        public object? LastAppliedAt { get; set; }
    }
}
