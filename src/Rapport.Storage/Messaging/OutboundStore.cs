using System.Text.Json.Serialization;
using System.Text.Json;
using Dapper;
using Rapport.Hub.Messaging;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Messaging;

internal sealed partial class OutboundStore(HubDatabase database) : IOutboundStore
{
    private const string OutboundColumns =
        """
        id AS Id, idempotency_key AS IdempotencyKey, kind AS Kind, status AS Status, teammate_id AS TeammateId, admin_id AS AdminId,
        conversation_id AS ConversationId, contact_id AS ContactId, user_external_id AS UserExternalId, channel AS Channel,
        subject AS Subject, body AS Body, attachment_urls AS AttachmentUrls, intercom_id AS IntercomId, error AS Error,
        attempts AS Attempts, queued_at AS QueuedAt, sent_at AS SentAt, held_until AS HeldUntil
        """;

    public Task<(OutboundSend Send, bool Added)> QueueOutboundAsync(OutboundRequest request, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => InsertOutboundAsync(connection, transaction, request, cancellationToken), null, cancellationToken);

    /// <summary>Inserts <paramref name="request"/> unless its key is already queued, inside the caller's transaction.</summary>
    internal async Task<(OutboundSend Send, bool Added)> InsertOutboundAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, OutboundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new DynamicParameters(new
        {
            request.IdempotencyKey,
            request.Kind,
            request.TeammateId,
            request.AdminId,
            request.ConversationId,
            request.ContactId,
            request.UserExternalId,
            request.Channel,
            request.Subject,
            request.Body,
            urls = JsonSerializer.Serialize([.. request.AttachmentUrls], OutboundJsonContext.Default.StringArray),
        });
        parameters.Add("now", database.Now());
        var added = await connection.ExecuteAsync(Command(
            """
            INSERT INTO outbound_sends (idempotency_key, kind, status, teammate_id, admin_id, conversation_id, contact_id,
                user_external_id, channel, subject, body, attachment_urls, queued_at)
            VALUES (@IdempotencyKey, @Kind, 'queued', @TeammateId, @AdminId, @ConversationId, @ContactId,
                @UserExternalId, @Channel, @Subject, @Body, @urls, @now)
            ON CONFLICT (idempotency_key) DO NOTHING
            """, parameters, transaction, cancellationToken));
        var row = await connection.QuerySingleAsync<OutboundRow>(Command(
            $"SELECT {OutboundColumns} FROM outbound_sends WHERE idempotency_key = @IdempotencyKey", new { request.IdempotencyKey }, transaction, cancellationToken));
        return (row.ToSend(), added > 0);
    }

    public Task<IReadOnlyList<OutboundSend>> ClaimOutboundAsync(int limit, TimeSpan lease, CancellationToken cancellationToken = default) =>
        database.WriteAsync<IReadOnlyList<OutboundSend>>(async (connection, transaction) =>
        {
            var now = database.TimeProvider.GetUtcNow();
            var parameters = new DynamicParameters(new { limit });
            parameters.Add("now", database.Dialect.Time(now));
            parameters.Add("until", database.Dialect.Time(now + lease));
            // PostgreSQL: a send another node is claiming right now is skipped, not waited for, so two nodes never send it both.
            // A send held for quiet hours is not claimable before they end.
            var rows = await connection.QueryAsync<OutboundRow>(Command(
                $"""
                UPDATE outbound_sends SET status = 'sending', attempts = attempts + 1, claimed_until = @until
                WHERE id IN (
                    SELECT id FROM outbound_sends
                    WHERE (status = 'queued' AND (held_until IS NULL OR held_until <= @now)) OR (status = 'sending' AND claimed_until <= @now)
                    ORDER BY id LIMIT @limit {database.Dialect.SkipLocked})
                RETURNING {OutboundColumns}
                """, parameters, transaction, cancellationToken));
            return [.. rows.OrderBy(r => r.Id).Select(r => r.ToSend())];
        }, null, cancellationToken);

    public Task RenewOutboundAsync(long id, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { id });
        parameters.Add("until", database.Dialect.Time(database.TimeProvider.GetUtcNow() + lease));
        return database.ChangeOneAsync("UPDATE outbound_sends SET claimed_until = @until WHERE id = @id AND status = 'sending'", parameters, cancellationToken);
    }

    public Task MarkOutboundSentAsync(long id, string intercomId, string? conversationId, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { id, intercomId, conversationId });
        parameters.Add("now", database.Now());
        return database.ChangeOneAsync(
            """
            UPDATE outbound_sends SET status = 'sent', intercom_id = @intercomId, conversation_id = COALESCE(@conversationId, conversation_id),
                sent_at = @now, claimed_until = NULL, error = NULL
            WHERE id = @id
            """, parameters, cancellationToken);
    }

    public Task MarkOutboundFailedAsync(long id, string error, CancellationToken cancellationToken = default) =>
        database.ChangeOneAsync("UPDATE outbound_sends SET status = 'failed', error = @error, claimed_until = NULL WHERE id = @id AND status <> 'sent'", new DynamicParameters(new { id, error }), cancellationToken);

    public Task DeferOutboundAsync(long id, string error, TimeSpan retryAfter, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { id, error });
        parameters.Add("until", database.Dialect.Time(database.TimeProvider.GetUtcNow() + retryAfter));
        return database.ChangeOneAsync("UPDATE outbound_sends SET error = @error, claimed_until = @until WHERE id = @id AND status = 'sending'", parameters, cancellationToken);
    }

    public async Task<OutboundSend?> GetOutboundAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<OutboundRow>(Command(
            $"SELECT {OutboundColumns} FROM outbound_sends WHERE id = @id", new { id }, null, cancellationToken));
        return row?.ToSend();
    }

    public async Task<IReadOnlyList<OutboundSend>> ListConversationOutboundAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboundRow>(Command(
            $"SELECT {OutboundColumns} FROM outbound_sends WHERE conversation_id = @conversationId ORDER BY id", new { conversationId }, null, cancellationToken));
        return [.. rows.Select(r => r.ToSend())];
    }

    public async Task<IReadOnlyList<OutboundSend>> ListOutboundAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboundRow>(Command(
            $"SELECT {OutboundColumns} FROM outbound_sends ORDER BY id DESC LIMIT @limit", new { limit }, null, cancellationToken));
        return [.. rows.Select(r => r.ToSend())];
    }

    public async Task<IReadOnlySet<string>> ListConversationsStartedByRapportAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(Command(
            "SELECT conversation_id FROM outbound_sends WHERE kind = 'message' AND conversation_id IS NOT NULL", null, null, cancellationToken));
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    private sealed class OutboundRow
    {
        public long Id { get; set; }
        public string IdempotencyKey { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Status { get; set; } = "";
        public long TeammateId { get; set; }
        public string AdminId { get; set; } = "";
        public string? ConversationId { get; set; }
        public string? ContactId { get; set; }
        public string? UserExternalId { get; set; }
        public string? Channel { get; set; }
        public string? Subject { get; set; }
        public string Body { get; set; } = "";
        public string AttachmentUrls { get; set; } = "[]";
        public string? IntercomId { get; set; }
        public string? Error { get; set; }
        public long Attempts { get; set; }
        public DateTimeOffset? QueuedAt { get; set; }
        public DateTimeOffset? SentAt { get; set; }
        public DateTimeOffset? HeldUntil { get; set; }

        public OutboundSend ToSend() => new(
            Id, IdempotencyKey, Kind, Status, TeammateId, AdminId, ConversationId, ContactId, UserExternalId, Channel, Subject, Body,
            JsonSerializer.Deserialize(AttachmentUrls, OutboundJsonContext.Default.StringArray) ?? [],
            IntercomId, Error, (int)Attempts, QueuedAt ?? DateTimeOffset.UnixEpoch, SentAt)
        {
            HeldUntil = HeldUntil,
        };
    }
}

[JsonSerializable(typeof(string[]))]
internal sealed partial class OutboundJsonContext : JsonSerializerContext;
