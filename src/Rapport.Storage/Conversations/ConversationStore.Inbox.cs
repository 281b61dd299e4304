using System.Globalization;
using Dapper;
using Rapport.Hub.Accounts;
using Rapport.Hub.Conversations;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;
using static Rapport.Storage.Sql.Keyset;

namespace Rapport.Storage.Conversations;

internal sealed partial class ConversationStore
{
    private static readonly SortColumn ConversationSort = new("updated", "c.listed_at", SortKind.Time);

    public async Task<BrowsePage<ConversationListRow>> ListConversationsAsync(ConversationQuery query, CancellationToken cancellationToken = default)
    {
        var keyset = new KeysetQuery("conversations", "c", ConversationColumns, "conversations c", [], new DynamicParameters(new { yes = true }));
        if (query.Open is { } open)
        {
            keyset.Where.Add("c.open = @open");
            keyset.Parameters.Add("open", open);
        }

        if (query.BotStarted)
            keyset.Where.Add("c.bot_initiated = @yes");
        if (query.Unattached)
            keyset.Where.Add("NOT EXISTS (SELECT 1 FROM conversation_users cu WHERE cu.conversation_id = c.id)");

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var (rows, next, previous, total) = await _keyset.ReadPageAsync<ConversationRow>(
            connection, keyset, ConversationSort, descending: true, query.Cursor, query.PageSize, query.IncludeTotal, cancellationToken);
        if (rows.Count == 0)
            return new BrowsePage<ConversationListRow>([], next, previous, total);

        var ids = new { ids = database.Dialect.Numbers(rows.Select(r => r.Id)) };
        var users = (await connection.QueryAsync<(long ConversationId, string ExternalId, string? Name)>(Command(
            $"""
            SELECT cu.conversation_id, u.external_id, u.name FROM conversation_users cu JOIN users u ON u.id = cu.user_id
            WHERE cu.conversation_id {database.Dialect.InIds} ORDER BY u.external_id
            """, ids, null, cancellationToken))).ToLookup(u => u.ConversationId, u => (u.ExternalId, u.Name));
        var accounts = (await connection.QueryAsync<(long ConversationId, string ExternalId, string? Name)>(Command(
            $"""
            SELECT DISTINCT cu.conversation_id, a.external_id, a.name FROM conversation_users cu
                JOIN memberships m ON m.user_id = cu.user_id JOIN accounts a ON a.id = m.account_id
            WHERE cu.conversation_id {database.Dialect.InIds} ORDER BY a.external_id
            """, ids, null, cancellationToken))).ToLookup(a => a.ConversationId, a => (a.ExternalId, a.Name));
        return new BrowsePage<ConversationListRow>(
            [.. rows.Select(r => new ConversationListRow(
                r.ToHeader(users[r.Id].Select(u => u.ExternalId)), [.. users[r.Id]], [.. accounts[r.Id]]))],
            next, previous, total);
    }

    public async Task<IReadOnlyDictionary<string, ConversationPartTally>> TallyConversationPartsAsync(
        string source, IReadOnlyList<string> sourceIds, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var result = new Dictionary<string, ConversationPartTally>(StringComparer.Ordinal);
        foreach (var chunk in Chunks(sourceIds.Distinct(StringComparer.Ordinal)))
        {
            var parameters = new DynamicParameters(new { source });
            parameters.Add("ids", database.Dialect.Ids(chunk));
            var rows = await connection.QueryAsync<TallyRow>(Command(
                $"""
                SELECT c.source_id AS SourceId, c.source_updated_at AS UpdatedAt, c.part_count AS PartCount,
                    ({CountedPartsSql("c.id")}) AS StoredParts, c.parts_truncated AS PartsTruncated, c.deleted_at AS DeletedAt
                FROM conversations c WHERE c.source = @source AND c.source_id {database.Dialect.InIds}
                """, parameters, null, cancellationToken));
            foreach (var row in rows)
            {
                result[row.SourceId] = new ConversationPartTally(
                    row.SourceId, row.UpdatedAt, (int?)row.PartCount, (int)row.StoredParts,
                    row.PartsTruncated, row.DeletedAt is not null);
            }
        }

        return result;
    }

    public Task<bool> MarkConversationDeletedAsync(string source, string sourceId, DateTimeOffset deletedAt, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new { source, sourceId });
            parameters.Add("at", database.Dialect.Time(deletedAt));
            // The first deletion is the one kept: a redelivered notification does not move it.
            var known = await connection.ExecuteAsync(Command(
                "UPDATE conversations SET deleted_at = COALESCE(deleted_at, @at) WHERE source = @source AND source_id = @sourceId",
                parameters, transaction, cancellationToken));
            return known > 0;
        }, null, cancellationToken);

    private sealed class TallyRow
    {
        public string SourceId { get; set; } = "";
        public DateTimeOffset? UpdatedAt { get; set; }
        public long? PartCount { get; set; }
        public long StoredParts { get; set; }
        public bool PartsTruncated { get; set; }
        public DateTimeOffset? DeletedAt { get; set; }
    }
}
