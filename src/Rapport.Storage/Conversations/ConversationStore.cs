using System.Data.Common;
using Dapper;
using Rapport.Hub.Conversations;
using Rapport.Hub.Storage;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;
using static Rapport.Storage.Sql.Keyset;

namespace Rapport.Storage.Conversations;

internal sealed partial class ConversationStore(HubDatabase database) : IConversationStore
{
    private readonly Keyset _keyset = new(database);

    public Task<ConversationBatchResult> ApplyConversationsAsync(
        IReadOnlyList<SourceConversation> batch,
        IReadOnlyList<ExcludedConversation> excluded,
        SyncCheckpoint? checkpoint = null,
        CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var (written, stale, unchanged, partsAdded) = (0, 0, 0, 0);
            foreach (var conversation in batch)
            {
                var (id, wrote, outcome) = await UpsertConversationAsync(connection, transaction, conversation, cancellationToken);
                if (wrote)
                {
                    await LinkConversationUsersAsync(connection, transaction, id, conversation.UserExternalIds, cancellationToken);
                }

                var added = await AddPartsAsync(connection, transaction, id, conversation.Parts, cancellationToken);
                await SettleTruncationAsync(connection, transaction, id, cancellationToken);
                partsAdded += added;
                switch (outcome)
                {
                    case UpsertOutcome.Older: stale++; break;
                    case UpsertOutcome.SameTime when added == 0: unchanged++; break;
                    default: written++; break;
                }
            }

            foreach (var e in excluded)
            {
                var parameters = new DynamicParameters(new { e.Source, e.SourceId, e.Kind });
                parameters.Add("updatedAt", database.Dialect.Time(e.UpdatedAt));
                parameters.Add("now", database.Now());
                await connection.ExecuteAsync(Command(
                    """
                    INSERT INTO excluded_conversations (source, source_id, kind, source_updated_at, written_at)
                    VALUES (@Source, @SourceId, @Kind, @updatedAt, @now)
                    ON CONFLICT (source, source_id) DO UPDATE SET kind = excluded.kind,
                        source_updated_at = excluded.source_updated_at, written_at = excluded.written_at
                    """, parameters, transaction, cancellationToken));
            }

            return new ConversationBatchResult(written, stale, partsAdded, excluded.Count, unchanged);
        }, checkpoint, cancellationToken);

    private enum UpsertOutcome
    {
        New,
        Newer,
        SameTime,
        Older,
    }

    /// <returns>The row's id, whether this copy was written over it, and how its updated_at compares with the stored one.</returns>
    private async Task<(long Id, bool Written, UpsertOutcome Outcome)> UpsertConversationAsync(
        DbConnection connection, DbTransaction transaction, SourceConversation c, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new
        {
            c.Source,
            c.SourceId,
            c.State,
            c.Open,
            c.SourceType,
            c.DeliveredAs,
            c.BotInitiated,
            c.Title,
            c.Subject,
            c.PartCount,
            c.PartsTruncated,
            c.RawJson,
        });
        parameters.Add("createdAt", database.Dialect.Time(c.CreatedAt));
        parameters.Add("updatedAt", database.Dialect.Time(c.UpdatedAt));
        parameters.Add("listedAt", database.Dialect.Time(c.UpdatedAt ?? c.CreatedAt ?? database.TimeProvider.GetUtcNow()));
        parameters.Add("now", database.Now());
        var before = await connection.QuerySingleOrDefaultAsync<StoredTime>(Command(
            "SELECT id AS Id, source_updated_at AS UpdatedAt FROM conversations WHERE source = @Source AND source_id = @SourceId",
            parameters, transaction, cancellationToken));
        // The WHERE of DO UPDATE keeps a newer row: webhooks arrive out of order and a backfill can read an older copy.
        // Intercom's times are in seconds, so two changes within one second share an updated_at: then the copy that counts
        // at least as many parts is the later one (parts are only ever added).
        var id = await connection.QuerySingleOrDefaultAsync<long?>(Command(
            $"""
            INSERT INTO conversations (source, source_id, state, open, source_type, delivered_as, bot_initiated, title, subject,
                part_count, parts_truncated, source_created_at, source_updated_at, raw, written_at, listed_at)
            VALUES (@Source, @SourceId, @State, @Open, @SourceType, @DeliveredAs, @BotInitiated, @Title, @Subject,
                @PartCount, @PartsTruncated, @createdAt, @updatedAt, {database.Dialect.Json("@RawJson")}, @now, @listedAt)
            ON CONFLICT (source, source_id) DO UPDATE SET state = excluded.state, open = excluded.open,
                source_type = excluded.source_type, delivered_as = excluded.delivered_as, bot_initiated = excluded.bot_initiated,
                title = excluded.title, subject = excluded.subject, part_count = excluded.part_count,
                parts_truncated = excluded.parts_truncated, source_created_at = excluded.source_created_at,
                source_updated_at = excluded.source_updated_at, raw = excluded.raw, written_at = excluded.written_at,
                listed_at = excluded.listed_at
            WHERE conversations.source_updated_at IS NULL
                OR (excluded.source_updated_at IS NOT NULL AND excluded.source_updated_at > conversations.source_updated_at)
                OR (excluded.source_updated_at = conversations.source_updated_at AND (excluded.part_count IS NULL
                    OR conversations.part_count IS NULL OR excluded.part_count >= conversations.part_count))
            RETURNING id
            """, parameters, transaction, cancellationToken));
        var previous = before?.UpdatedAt;
        var incoming = SqlDialect.Truncate(c.UpdatedAt);
        var outcome = before is null ? UpsertOutcome.New
            : previous is null || incoming > previous ? UpsertOutcome.Newer
            : incoming == previous ? UpsertOutcome.SameTime
            : UpsertOutcome.Older;
        return (id ?? before!.Id, id is not null, outcome);
    }

    /// <summary>
    /// A conversation stays flagged as truncated only while fewer parts are kept than the source counts: one whose older parts
    /// were seen before (earlier reads, webhooks) is complete even when the source no longer returns them. The opening
    /// message is not among the parts Intercom counts (<c>statistics.count_conversation_parts</c>).
    /// </summary>
    private async Task SettleTruncationAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(Command(
            $"""
            UPDATE conversations SET parts_truncated = @no
            WHERE id = @id AND parts_truncated = @yes AND (part_count IS NULL OR part_count <= ({CountedPartsSql("conversations.id")}))
            """, new { id, yes = true, no = false }, transaction, cancellationToken));

    /// <summary>The parts of a conversation that Intercom counts: every kept part but the opening message.</summary>
    private static string CountedPartsSql(string conversationId) =>
        $"SELECT COUNT(*) FROM conversation_parts p WHERE p.conversation_id = {conversationId} AND (p.part_type IS NULL OR p.part_type <> 'source')";

    private sealed class StoredTime
    {
        public long Id { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
    }

    private async Task LinkConversationUsersAsync(
        DbConnection connection, DbTransaction transaction, long id, IReadOnlyList<string> userExternalIds, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { id });
        parameters.Add("ids", database.Dialect.Ids(userExternalIds.Distinct(StringComparer.Ordinal)));
        await connection.ExecuteAsync(Command(
            "DELETE FROM conversation_users WHERE conversation_id = @id", parameters, transaction, cancellationToken));
        if (userExternalIds.Count == 0)
        {
            return;
        }

        await connection.ExecuteAsync(Command(
            $"INSERT INTO conversation_users (conversation_id, user_id) SELECT @id, id FROM users WHERE external_id {database.Dialect.InIds}",
            parameters, transaction, cancellationToken));
    }

    /// <returns>Parts that were not stored before.</returns>
    private async Task<int> AddPartsAsync(
        DbConnection connection, DbTransaction transaction, long id, IReadOnlyList<ConversationPart> parts, CancellationToken cancellationToken)
    {
        if (parts.Count == 0)
        {
            return 0;
        }

        var countSql = "SELECT COUNT(*) FROM conversation_parts WHERE conversation_id = @id";
        var before = await connection.ExecuteScalarAsync<long>(Command(countSql, new { id }, transaction, cancellationToken));
        var rows = new ValuesBuilder(
            database.Dialect,
            """
            INSERT INTO conversation_parts (conversation_id, part_id, part_type, body, author_kind, author_id, author_name,
                author_email, created_at, updated_at, attachments)
            """,
            ["{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", database.Dialect.Json("{0}")],
            """
            ON CONFLICT (conversation_id, part_id) DO UPDATE SET part_type = excluded.part_type, body = excluded.body,
                author_kind = excluded.author_kind, author_id = excluded.author_id, author_name = excluded.author_name,
                author_email = excluded.author_email, created_at = excluded.created_at, updated_at = excluded.updated_at,
                attachments = excluded.attachments
            WHERE excluded.updated_at > conversation_parts.updated_at
            """);
        // A part appears once per statement: PostgreSQL refuses ON CONFLICT touching the same row twice.
        foreach (var p in parts.DistinctBy(p => p.PartId, StringComparer.Ordinal))
        {
            rows.Add(
                id, p.PartId, p.PartType, p.Body, p.AuthorKind, p.AuthorId, p.AuthorName, p.AuthorEmail,
                database.Dialect.Time(p.CreatedAt), database.Dialect.Time(p.UpdatedAt), p.AttachmentsJson);
        }

        await rows.ExecuteAsync(connection, transaction, cancellationToken);
        var after = await connection.ExecuteScalarAsync<long>(Command(countSql, new { id }, transaction, cancellationToken));
        return (int)(after - before);
    }
}
