using Dapper;
using Rapport.Hub.Segment;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Segment;

internal sealed partial class SegmentStore
{
    public Task MarkSegmentMessageFailedAsync(long id, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { id, error, setAside = retryAt is null });
        parameters.Add("now", database.Now());
        parameters.Add("retryAt", database.Dialect.Time(retryAt));
        return database.ChangeOneAsync(
            """
            UPDATE segment_inbox SET attempts = attempts + 1, last_error = @error, failed_at = @now, retry_at = @retryAt,
                set_aside_at = CASE WHEN @setAside THEN @now END
            WHERE id = @id AND applied_at IS NULL AND set_aside_at IS NULL
            """, parameters, cancellationToken);
    }

    public async Task<IReadOnlyList<SetAsideSegmentMessage>> ListSetAsideSegmentMessagesAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string MessageId, string Type, string Body, DateTimeOffset ReceivedAt, long Attempts, string? Error, DateTimeOffset SetAsideAt)>(Command(
            """
            SELECT id, message_id, type, body, received_at, attempts, last_error, set_aside_at FROM segment_inbox
            WHERE set_aside_at IS NOT NULL AND discarded_at IS NULL ORDER BY id LIMIT @limit
            """, new { limit }, null, cancellationToken));
        return [.. rows.Select(r => new SetAsideSegmentMessage(
            r.Id, r.MessageId, r.Type, r.Body, r.ReceivedAt, (int)r.Attempts, r.Error ?? "",
            r.SetAsideAt))];
    }

    // The last error stays: a call that fails again after a retry is set aside with its new one.
    public Task<int> RetrySetAsideSegmentMessagesAsync(long? id, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(Command(
            $"""
            UPDATE segment_inbox SET set_aside_at = NULL, attempts = 0, retry_at = NULL
            WHERE set_aside_at IS NOT NULL AND discarded_at IS NULL {(id is null ? "" : "AND id = @id")}
            """, new { id }, transaction, cancellationToken)), null, cancellationToken);

    public Task<bool> DiscardSetAsideSegmentMessageAsync(long id, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { id });
        parameters.Add("now", database.Now());
        return database.ChangeOneAsync(
            "UPDATE segment_inbox SET discarded_at = @now, outcome = 'discarded' WHERE id = @id AND set_aside_at IS NOT NULL AND discarded_at IS NULL",
            parameters, cancellationToken);
    }
}
