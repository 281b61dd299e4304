using Dapper;
using Rapport.Hub.Conversations;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;
using static Rapport.Storage.Sql.Keyset;

namespace Rapport.Storage.Conversations;

internal sealed partial class ConversationStore
{
    private const string ConversationColumns =
        """
        c.id AS Id, c.source AS Source, c.source_id AS SourceId, c.state AS State, c.open AS Open, c.source_type AS SourceType,
        c.delivered_as AS DeliveredAs, c.bot_initiated AS BotInitiated, c.title AS Title, c.subject AS Subject,
        c.part_count AS PartCount, c.parts_truncated AS PartsTruncated, c.source_created_at AS CreatedAt,
        c.source_updated_at AS UpdatedAt,
        (SELECT COUNT(*) FROM conversation_parts p WHERE p.conversation_id = c.id) AS StoredParts,
        (SELECT p.body FROM conversation_parts p WHERE p.conversation_id = c.id AND p.body IS NOT NULL AND p.body <> ''
            ORDER BY p.created_at, p.part_id LIMIT 1) AS Opening,
        c.deleted_at AS DeletedAt
        """;

    public async Task<ConversationView?> GetConversationAsync(string source, string sourceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginSnapshotAsync(connection, cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ConversationRow>(Command(
            $"SELECT {ConversationColumns}, c.raw AS Raw FROM conversations c WHERE c.source = @source AND c.source_id = @sourceId",
            new { source, sourceId }, transaction, cancellationToken));
        if (row is null)
        {
            return null;
        }

        var users = await ConversationUsersAsync(connection, transaction, [row.Id], cancellationToken);
        var parts = await connection.QueryAsync<PartRow>(Command(
            """
            SELECT part_id AS PartId, part_type AS PartType, body AS Body, author_kind AS AuthorKind, author_id AS AuthorId,
                author_name AS AuthorName, author_email AS AuthorEmail, created_at AS CreatedAt, updated_at AS UpdatedAt,
                attachments AS Attachments
            FROM conversation_parts WHERE conversation_id = @id
            ORDER BY created_at, part_id
            """, new { id = row.Id }, transaction, cancellationToken));
        return new ConversationView(row.ToHeader(users[row.Id]), row.Raw ?? "{}", [.. parts.Select(p => p.ToPart())]);
    }

    public Task<IReadOnlyList<ConversationHeader>> ListUserConversationsAsync(string userExternalId, int limit, CancellationToken cancellationToken = default) =>
        ListConversationsAsync(
            "c.id IN (SELECT cu.conversation_id FROM conversation_users cu JOIN users u ON u.id = cu.user_id WHERE u.external_id = @key)",
            userExternalId, limit, cancellationToken);

    public Task<IReadOnlyList<ConversationHeader>> ListAccountConversationsAsync(string accountExternalId, int limit, CancellationToken cancellationToken = default) =>
        ListConversationsAsync(
            """
            c.id IN (SELECT cu.conversation_id FROM conversation_users cu
                JOIN memberships m ON m.user_id = cu.user_id JOIN accounts a ON a.id = m.account_id WHERE a.external_id = @key)
            """,
            accountExternalId, limit, cancellationToken);

    public async Task<ConversationCounts> CountConversationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginSnapshotAsync(connection, cancellationToken);
        var counts = await connection.QuerySingleAsync<ConversationCountsRow>(Command(
            """
            SELECT
                (SELECT COUNT(*) FROM conversations) AS Conversations,
                (SELECT COUNT(*) FROM conversation_parts) AS Parts,
                (SELECT COUNT(*) FROM conversation_parts WHERE author_kind = 'bot') AS BotParts,
                (SELECT COUNT(*) FROM conversations WHERE parts_truncated) AS Truncated,
                (SELECT COUNT(*) FROM conversations c WHERE NOT EXISTS (SELECT 1 FROM conversation_users cu WHERE cu.conversation_id = c.id)) AS Unattached
            """, null, transaction, cancellationToken));
        var excluded = await connection.QueryAsync<(string Kind, long Count)>(Command(
            "SELECT kind, COUNT(*) FROM excluded_conversations GROUP BY kind ORDER BY kind", null, transaction, cancellationToken));
        return new ConversationCounts(
            (int)counts.Conversations, (int)counts.Parts, (int)counts.BotParts, (int)counts.Truncated, (int)counts.Unattached,
            excluded.ToDictionary(e => e.Kind, e => (int)e.Count, StringComparer.Ordinal));
    }

    public async Task<IReadOnlyDictionary<string, string>> FindUsersByContactAsync(
        string source, IReadOnlyList<string> contactSourceIds, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in Chunks(contactSourceIds.Distinct(StringComparer.Ordinal)))
        {
            var parameters = new DynamicParameters(new { source });
            parameters.Add("ids", database.Dialect.Ids(chunk));
            var rows = await connection.QueryAsync<(string ContactId, string UserId)>(Command(
                $"""
                SELECT sc.source_id, u.external_id FROM source_contacts sc JOIN users u ON u.external_id = sc.external_id
                WHERE sc.source = @source AND sc.source_id {database.Dialect.InIds}
                """, parameters, null, cancellationToken));
            foreach (var (contactId, userId) in rows)
            {
                result[contactId] = userId;
            }
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> FindUsersByEmailAsync(
        IReadOnlyList<string> emails, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var found = new List<(string Email, string UserId)>();
        foreach (var chunk in Chunks(emails.Select(e => e.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal)))
        {
            var parameters = new DynamicParameters();
            parameters.Add("ids", database.Dialect.Ids(chunk));
            found.AddRange(await connection.QueryAsync<(string, string)>(Command(
                $"SELECT lower(email), external_id FROM users WHERE email IS NOT NULL AND lower(email) {database.Dialect.InIds} ORDER BY external_id",
                parameters, null, cancellationToken)));
        }

        return found.GroupBy(f => f.Email, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(f => f.UserId)], StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<ConversationHeader>> ListConversationsAsync(string where, string key, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginSnapshotAsync(connection, cancellationToken);
        var rows = (await connection.QueryAsync<ConversationRow>(Command(
            $"SELECT {ConversationColumns} FROM conversations c WHERE {where} ORDER BY c.source_updated_at DESC, c.id DESC LIMIT @limit",
            new { key, limit }, transaction, cancellationToken))).ToList();
        var users = await ConversationUsersAsync(connection, transaction, [.. rows.Select(r => r.Id)], cancellationToken);
        return [.. rows.Select(r => r.ToHeader(users[r.Id]))];
    }

    private async Task<ILookup<long, string>> ConversationUsersAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("ids", database.Dialect.Numbers(ids));
        var rows = await connection.QueryAsync<(long ConversationId, string UserId)>(Command(
            $"""
            SELECT cu.conversation_id, u.external_id FROM conversation_users cu JOIN users u ON u.id = cu.user_id
            WHERE cu.conversation_id {database.Dialect.InIds} ORDER BY u.external_id
            """, parameters, transaction, cancellationToken));
        return rows.ToLookup(r => r.ConversationId, r => r.UserId);
    }

    private sealed class ConversationRow : IKeyedRow
    {
        public long Id { get; set; }
        /// <summary>Stays <see cref="object"/>: its type is the sort column's (text, time, count), which the sort chooses.</summary>
        public object? SortKey { get; set; }
        public string Source { get; set; } = "";
        public string SourceId { get; set; } = "";
        public string? State { get; set; }
        public bool? Open { get; set; }
        public string? SourceType { get; set; }
        public string? DeliveredAs { get; set; }
        public bool BotInitiated { get; set; }
        public string? Title { get; set; }
        public string? Subject { get; set; }
        public long? PartCount { get; set; }
        public bool PartsTruncated { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        public long StoredParts { get; set; }
        public string? Opening { get; set; }
        public DateTimeOffset? DeletedAt { get; set; }
        public string? Raw { get; set; }

        public ConversationHeader ToHeader(IEnumerable<string> users) => new(
            Source, SourceId, State, Open,
            SourceType, DeliveredAs, BotInitiated, Title, Subject,
            (int?)PartCount, PartsTruncated,
            CreatedAt, UpdatedAt, (int)StoredParts, [.. users], Opening,
            DeletedAt);
    }

    private sealed class PartRow
    {
        public string PartId { get; set; } = "";
        public string? PartType { get; set; }
        public string? Body { get; set; }
        public string? AuthorKind { get; set; }
        public string? AuthorId { get; set; }
        public string? AuthorName { get; set; }
        public string? AuthorEmail { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        public string Attachments { get; set; } = "[]";

        public ConversationPart ToPart() => new(
            PartId, PartType, Body, AuthorKind, AuthorId, AuthorName, AuthorEmail,
            CreatedAt, UpdatedAt, Attachments);
    }

    private sealed class ConversationCountsRow
    {
        public long Conversations { get; set; }
        public long Parts { get; set; }
        public long BotParts { get; set; }
        public long Truncated { get; set; }
        public long Unattached { get; set; }
    }
}
