using System.Data.Common;
using System.Text.Json;
using Dapper;
using Rapport.Hub.Duplicates;
using Rapport.Storage.Database;
using Rapport.Storage.Merges;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Duplicates;

internal sealed partial class DuplicateStore
{
    public Task<MergeRecord?> UndoMergeAsync(long mergeId, string undoneBy, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<(string Kind, long KeptId, long MergedId, string Prior, DateTimeOffset? UndoneAt)>(Command(
                "SELECT kind, kept_id, merged_id, prior, undone_at FROM merges WHERE id = @mergeId", new { mergeId }, transaction, cancellationToken));
            if (row.Kind is null || row.UndoneAt is not null)
                return null;
            var prior = JsonSerializer.Deserialize(row.Prior, MergeJsonContext.Default.MergePrior)!;
            var (kept, merged) = (row.KeptId, row.MergedId);
            var account = row.Kind == "account";
            var p = new { kept, merged };

            if (account)
            {
                foreach (var link in prior.Links)
                {
                    await connection.ExecuteAsync(Command(
                        "UPDATE source_companies SET account_id = @merged WHERE source = @Source AND source_id = @SourceId",
                        new { merged, link.Source, link.SourceId }, transaction, cancellationToken));
                }
            }
            else
            {
                var mergedExternalId = await connection.ExecuteScalarAsync<string>(Command(
                    "SELECT external_id FROM users WHERE id = @merged", p, transaction, cancellationToken));
                foreach (var link in prior.Links)
                {
                    await connection.ExecuteAsync(Command(
                        "UPDATE source_contacts SET external_id = @mergedExternalId WHERE source = @Source AND source_id = @SourceId",
                        new { mergedExternalId, link.Source, link.SourceId }, transaction, cancellationToken));
                }
            }

            var (own, other) = account ? ("account_id", "user_id") : ("user_id", "account_id");
            foreach (var m in prior.Added)
            {
                await connection.ExecuteAsync(Command(
                    $"DELETE FROM memberships WHERE {own} = @kept AND {other} = @Other AND source = @Source",
                    new { kept, m.Other, m.Source }, transaction, cancellationToken));
            }

            foreach (var m in prior.Memberships)
            {
                if (account)
                    await InsertMembershipAsync(connection, transaction, merged, m.Other, m, cancellationToken);
                else
                    await InsertMembershipAsync(connection, transaction, m.Other, merged, m, cancellationToken);
            }

            await MoveBackAsync(connection, transaction, $"UPDATE events SET {own} = @merged WHERE id {database.Dialect.InIds}", merged, prior.Events, cancellationToken);
            await MoveBackAsync(connection, transaction,
                $"DELETE FROM conversation_users WHERE user_id = {kept} AND conversation_id {database.Dialect.InIds}", merged, prior.AddedConversations, cancellationToken);
            foreach (var c in prior.Conversations)
            {
                await connection.ExecuteAsync(Command(
                    "INSERT INTO conversation_users (conversation_id, user_id) VALUES (@c, @merged)", new { c, merged }, transaction, cancellationToken));
            }

            var restore = new DynamicParameters(new { merged, prior.Status, prior.StatusReason });
            restore.Add("updatedAt", database.Dialect.Time(prior.UpdatedAt));
            await connection.ExecuteAsync(Command(
                $"UPDATE {(account ? "accounts" : "users")} SET status = @Status, status_reason = @StatusReason, updated_at = @updatedAt WHERE id = @merged",
                restore, transaction, cancellationToken));

            var done = new DynamicParameters(new { mergeId, undoneBy });
            done.Add("now", database.Now());
            await connection.ExecuteAsync(Command(
                "UPDATE merges SET undone_by = @undoneBy, undone_at = @now WHERE id = @mergeId", done, transaction, cancellationToken));
            return await ReadMergeAsync(connection, transaction, mergeId, cancellationToken);
        }, null, cancellationToken);

    public async Task<IReadOnlyList<MergeRecord>> ListMergesAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MergeRow>(Command(
            $"SELECT {MergeColumns} FROM merges ORDER BY id DESC LIMIT @limit", new { limit }, null, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    private const string MergeColumns =
        """
        id AS Id, kind AS Kind, kept_id AS KeptId, merged_id AS MergedId, evidence AS Evidence, merged_by AS MergedBy,
        merged_at AS MergedAt, undone_by AS UndoneBy, undone_at AS UndoneAt
        """;

    private async Task<MergeRecord?> ReadMergeAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<MergeRow>(Command(
            $"SELECT {MergeColumns} FROM merges WHERE id = @id", new { id }, transaction, cancellationToken)))?.ToRecord();

    private async Task MoveBackAsync(
        DbConnection connection, DbTransaction transaction, string sql, long merged, List<long> ids, CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Chunk(InListChunk))
        {
            var parameters = new DynamicParameters(new { merged });
            parameters.Add("ids", database.Dialect.Numbers(chunk));
            await connection.ExecuteAsync(Command(sql, parameters, transaction, cancellationToken));
        }
    }

    private sealed class MergeRow
    {
        public long Id { get; set; }
        public string Kind { get; set; } = "";
        public long KeptId { get; set; }
        public long MergedId { get; set; }
        public string Evidence { get; set; } = "";
        public string MergedBy { get; set; } = "";
        public DateTimeOffset? MergedAt { get; set; }
        public string? UndoneBy { get; set; }
        public DateTimeOffset? UndoneAt { get; set; }

        public MergeRecord ToRecord() => new(
            Id, Kind == "account" ? RecordKind.Account : RecordKind.User, KeptId, MergedId, Evidence, MergedBy,
            MergedAt!.Value, UndoneBy, UndoneAt);
    }
}
