using Dapper;
using Rapport.Storage.Retention;
using Rapport.Hub.Events;
using Rapport.Storage.Events;
using Rapport.Hub.Segment;
using Rapport.Hub.Sources;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Segment;

internal sealed partial class SegmentStore(HubDatabase database, EventStore events) : ISegmentStore
{
    /// <summary>Segment's events are recorded as every source's are, each attached to its account (<see cref="EventStore"/>).</summary>
    public Task<IReadOnlyList<EventOutcome>> RecordAccountEventsAsync(
        IReadOnlyList<(SourceEvent Event, string? AccountExternalId)> batch, CancellationToken cancellationToken = default) =>
        events.RecordAccountEventsAsync(batch, cancellationToken);

    public Task AppendSegmentMessagesAsync(IReadOnlyList<SegmentInboxMessage> messages, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            if (messages.Count == 0)
                return 0;
            var insert = new ValuesBuilder(
                database.Dialect, "INSERT INTO segment_inbox (message_id, type, body, received_at)", ["{0}", "{0}", "{0}", "{0}"]);
            var now = database.Now();
            foreach (var m in messages)
                insert.Add(m.MessageId, m.Type, m.Body, now);
            return await insert.ExecuteAsync(connection, transaction, cancellationToken);
        }, null, cancellationToken);

    public async Task<IReadOnlyList<PendingSegmentMessage>> ReadPendingSegmentMessagesAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string MessageId, string Type, string Body, DateTimeOffset ReceivedAt, long Attempts, DateTimeOffset? RetryAt)>(Command(
            """
            SELECT id, message_id, type, body, received_at, attempts, retry_at FROM segment_inbox
            WHERE applied_at IS NULL AND set_aside_at IS NULL ORDER BY id LIMIT @limit
            """, new { limit }, null, cancellationToken));
        return [.. rows.Select(r => new PendingSegmentMessage(
            r.Id, r.MessageId, r.Type, r.Body, r.ReceivedAt, (int)r.Attempts, r.RetryAt))];
    }

    public Task MarkSegmentMessagesAppliedAsync(IReadOnlyList<(long Id, string Outcome)> outcomes, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = database.Now();
            foreach (var group in outcomes.GroupBy(o => o.Outcome))
            {
                var parameters = new DynamicParameters(new { outcome = group.Key });
                parameters.Add("now", now);
                parameters.Add("ids", database.Dialect.Numbers(group.Select(o => o.Id)));
                await connection.ExecuteAsync(Command(
                    $"UPDATE segment_inbox SET applied_at = @now, outcome = @outcome WHERE id {database.Dialect.InIds}",
                    parameters, transaction, cancellationToken));
            }

            return 0;
        }, null, cancellationToken);

    public async Task<SegmentInboxCounts> CountSegmentInboxAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var (received, applied, setAside, discarded, last) = await connection.QuerySingleAsync<(long, long, long, long, DateTimeOffset?)>(Command(
            $"""
            SELECT COUNT(*) + {RetentionStore.SegmentPruned}, COUNT(applied_at) + {RetentionStore.SegmentPruned}, COUNT(CASE WHEN set_aside_at IS NOT NULL AND discarded_at IS NULL THEN 1 END),
                COUNT(discarded_at), MAX(received_at)
            FROM segment_inbox
            """, null, null, cancellationToken));
        var kept = await connection.ExecuteScalarAsync<long>(Command(
            "SELECT COUNT(*) FROM segment_anonymous WHERE attached_at IS NULL", null, null, cancellationToken));
        return new SegmentInboxCounts(
            received, applied, received - applied - setAside - discarded, kept, last, setAside, discarded);
    }

    public Task KeepAnonymousAsync(string anonymousId, string body, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new { anonymousId, body });
            parameters.Add("now", database.Now());
            return await connection.ExecuteAsync(Command(
                "INSERT INTO segment_anonymous (anonymous_id, body, kept_at) VALUES (@anonymousId, @body, @now)",
                parameters, transaction, cancellationToken));
        }, null, cancellationToken);

    public async Task<IReadOnlyList<(long Id, string Body)>> ListAnonymousAsync(string anonymousId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<(long, string)>(Command(
            "SELECT id, body FROM segment_anonymous WHERE anonymous_id = @anonymousId AND attached_at IS NULL ORDER BY id",
            new { anonymousId }, null, cancellationToken))];
    }

    public Task AttachAnonymousAsync(IReadOnlyList<long> ids, string userId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new { userId });
            parameters.Add("now", database.Now());
            parameters.Add("ids", database.Dialect.Numbers(ids));
            return await connection.ExecuteAsync(Command(
                $"UPDATE segment_anonymous SET attached_to = @userId, attached_at = @now WHERE id {database.Dialect.InIds} AND attached_at IS NULL",
                parameters, transaction, cancellationToken));
        }, null, cancellationToken);
}
