using Dapper;
using Rapport.Hub.Segment;
using Rapport.Hub.Sources;
using Rapport.Storage.Sql;

namespace Rapport.Storage;

internal abstract partial class HubStore
{
    public Task AppendSegmentMessagesAsync(IReadOnlyList<SegmentInboxMessage> messages, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            if (messages.Count == 0)
                return 0;
            var insert = new ValuesBuilder(
                dialect, "INSERT INTO segment_inbox (message_id, type, body, received_at)", ["{0}", "{0}", "{0}", "{0}"]);
            var now = Now();
            foreach (var m in messages)
                insert.Add(m.MessageId, m.Type, m.Body, now);
            return await insert.ExecuteAsync(connection, transaction, cancellationToken);
        }, null, cancellationToken);

    public async Task<IReadOnlyList<PendingSegmentMessage>> ReadPendingSegmentMessagesAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string MessageId, string Type, string Body, object ReceivedAt, long Attempts, object? RetryAt)>(Command(
            """
            SELECT id, message_id, type, body, received_at, attempts, retry_at FROM segment_inbox
            WHERE applied_at IS NULL AND set_aside_at IS NULL ORDER BY id LIMIT @limit
            """, new { limit }, null, cancellationToken));
        return [.. rows.Select(r => new PendingSegmentMessage(
            r.Id, r.MessageId, r.Type, r.Body, SqlDialect.ReadTime(r.ReceivedAt)!.Value, (int)r.Attempts, SqlDialect.ReadTime(r.RetryAt)))];
    }

    public Task MarkSegmentMessagesAppliedAsync(IReadOnlyList<(long Id, string Outcome)> outcomes, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var now = Now();
            foreach (var group in outcomes.GroupBy(o => o.Outcome))
            {
                var parameters = new DynamicParameters(new { outcome = group.Key });
                parameters.Add("now", now);
                parameters.Add("ids", Dialect.Numbers(group.Select(o => o.Id)));
                await connection.ExecuteAsync(Command(
                    $"UPDATE segment_inbox SET applied_at = @now, outcome = @outcome WHERE id {Dialect.InIds}",
                    parameters, transaction, cancellationToken));
            }

            return 0;
        }, null, cancellationToken);

    public async Task<SegmentInboxCounts> CountSegmentInboxAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var (received, applied, setAside, discarded, last) = await connection.QuerySingleAsync<(long, long, long, long, object?)>(Command(
            $"""
            SELECT COUNT(*) + {SegmentPruned}, COUNT(applied_at) + {SegmentPruned}, COUNT(CASE WHEN set_aside_at IS NOT NULL AND discarded_at IS NULL THEN 1 END),
                COUNT(discarded_at), MAX(received_at)
            FROM segment_inbox
            """, null, null, cancellationToken));
        var kept = await connection.ExecuteScalarAsync<long>(Command(
            "SELECT COUNT(*) FROM segment_anonymous WHERE attached_at IS NULL", null, null, cancellationToken));
        return new SegmentInboxCounts(
            received, applied, received - applied - setAside - discarded, kept, SqlDialect.ReadTime(last), setAside, discarded);
    }

    public async Task<SourceContact?> FindSourceContactAsync(string source, string sourceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string? ExternalId, string? Email, string? Name, object? CreatedAt, object? UpdatedAt, object? LastSeenAt, string Custom, string Raw)>(Command(
            """
            SELECT external_id, email, name, source_created_at, source_updated_at, last_seen_at, custom_attributes, raw
            FROM source_contacts WHERE source = @source AND source_id = @sourceId
            """, new { source, sourceId }, null, cancellationToken));
        if (row.Raw is null)
            return null;
        var links = await connection.QueryAsync<string>(Command(
            """
            SELECT company_source_id FROM source_contact_companies
            WHERE source = @source AND contact_source_id = @sourceId ORDER BY company_source_id
            """, new { source, sourceId }, null, cancellationToken));
        return new SourceContact(
            source, sourceId, row.ExternalId, row.Email, row.Name, SqlDialect.ReadTime(row.CreatedAt), SqlDialect.ReadTime(row.UpdatedAt),
            SqlDialect.ReadTime(row.LastSeenAt), [], [.. links], row.Custom, row.Raw);
    }

    public async Task<string?> FindSourceCompanyTraitsAsync(string source, string sourceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(Command(
            "SELECT custom_attributes FROM source_companies WHERE source = @source AND source_id = @sourceId",
            new { source, sourceId }, null, cancellationToken));
    }

    public Task KeepAnonymousAsync(string anonymousId, string body, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new { anonymousId, body });
            parameters.Add("now", Now());
            return await connection.ExecuteAsync(Command(
                "INSERT INTO segment_anonymous (anonymous_id, body, kept_at) VALUES (@anonymousId, @body, @now)",
                parameters, transaction, cancellationToken));
        }, null, cancellationToken);

    public async Task<IReadOnlyList<(long Id, string Body)>> ListAnonymousAsync(string anonymousId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<(long, string)>(Command(
            "SELECT id, body FROM segment_anonymous WHERE anonymous_id = @anonymousId AND attached_at IS NULL ORDER BY id",
            new { anonymousId }, null, cancellationToken))];
    }

    public Task AttachAnonymousAsync(IReadOnlyList<long> ids, string userId, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new { userId });
            parameters.Add("now", Now());
            parameters.Add("ids", Dialect.Numbers(ids));
            return await connection.ExecuteAsync(Command(
                $"UPDATE segment_anonymous SET attached_to = @userId, attached_at = @now WHERE id {Dialect.InIds} AND attached_at IS NULL",
                parameters, transaction, cancellationToken));
        }, null, cancellationToken);
}
