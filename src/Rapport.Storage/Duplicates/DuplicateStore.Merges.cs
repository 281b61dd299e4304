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
    public Task<MergeRecord?> MergeAsync(
        RecordKind kind, long keptId, long mergedId, string evidence, string mergedBy, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var table = kind == RecordKind.Account ? "accounts" : "users";
            var records = (await connection.QueryAsync<(long Id, string ExternalId, string Status, string? Reason, DateTimeOffset UpdatedAt)>(Command(
                $"SELECT id, external_id, status, status_reason, updated_at FROM {table} WHERE id IN (@keptId, @mergedId)",
                new { keptId, mergedId }, transaction, cancellationToken))).ToDictionary(r => r.Id);
            var open = await connection.ExecuteScalarAsync<long>(Command(
                "SELECT COUNT(*) FROM merges WHERE kind = @kindName AND merged_id IN (@keptId, @mergedId) AND undone_at IS NULL",
                new { kindName = KindName(kind), keptId, mergedId }, transaction, cancellationToken));
            if (keptId == mergedId || records.Count != 2 || open > 0)
                return null;

            var kept = records[keptId];
            var merged = records[mergedId];
            var prior = kind == RecordKind.Account
                ? await MergeAccountAsync(connection, transaction, keptId, mergedId, cancellationToken)
                : await MergeUserAsync(connection, transaction, kept.ExternalId, merged.ExternalId, keptId, mergedId, cancellationToken);
            prior = prior with { Status = merged.Status, StatusReason = merged.Reason, UpdatedAt = merged.UpdatedAt };

            var parameters = new DynamicParameters(new { mergedId, reason = $"merged into {kept.ExternalId}" });
            parameters.Add("now", database.Now());
            await connection.ExecuteAsync(Command(
                $"UPDATE {table} SET status = 'inactive', status_reason = @reason, updated_at = @now WHERE id = @mergedId",
                parameters, transaction, cancellationToken));

            var insert = new DynamicParameters(new
            {
                kind = KindName(kind),
                keptId,
                mergedId,
                evidence,
                mergedBy,
                prior = JsonSerializer.Serialize(prior, MergeJsonContext.Default.MergePrior),
            });
            insert.Add("now", database.Now());
            var id = await connection.ExecuteScalarAsync<long>(Command(
                """
                INSERT INTO merges (kind, kept_id, merged_id, evidence, prior, merged_by, merged_at)
                VALUES (@kind, @keptId, @mergedId, @evidence, @prior, @mergedBy, @now) RETURNING id
                """, insert, transaction, cancellationToken));
            return await ReadMergeAsync(connection, transaction, id, cancellationToken);
        }, null, cancellationToken);

    private async Task<MergePrior> MergeAccountAsync(
        DbConnection connection, DbTransaction transaction, long keptId, long mergedId, CancellationToken cancellationToken)
    {
        var p = new { keptId, mergedId };
        var links = (await connection.QueryAsync<(string, string)>(Command(
            "SELECT source, source_id FROM source_companies WHERE account_id = @mergedId ORDER BY source, source_id", p, transaction, cancellationToken)))
            .Select(l => new SourceKey(l.Item1, l.Item2)).ToList();
        var memberships = await MembershipsAsync(connection, transaction, "user_id", "account_id", mergedId, cancellationToken);
        var existing = (await MembershipsAsync(connection, transaction, "user_id", "account_id", keptId, cancellationToken))
            .Select(m => (m.Other, m.Source)).ToHashSet();
        var added = memberships.Where(m => !existing.Contains((m.Other, m.Source))).ToList();
        var events = (await connection.QueryAsync<long>(Command(
            "SELECT id FROM events WHERE account_id = @mergedId ORDER BY id", p, transaction, cancellationToken))).ToList();

        await connection.ExecuteAsync(Command("UPDATE source_companies SET account_id = @keptId WHERE account_id = @mergedId", p, transaction, cancellationToken));
        foreach (var m in added)
            await InsertMembershipAsync(connection, transaction, keptId, m.Other, m, cancellationToken);
        await connection.ExecuteAsync(Command("DELETE FROM memberships WHERE account_id = @mergedId", p, transaction, cancellationToken));
        await connection.ExecuteAsync(Command("UPDATE events SET account_id = @keptId WHERE account_id = @mergedId", p, transaction, cancellationToken));
        return new MergePrior { Status = "", UpdatedAt = default, Links = links, Memberships = memberships, Added = added, Events = events };
    }

    private async Task<MergePrior> MergeUserAsync(
        DbConnection connection, DbTransaction transaction, string keptExternalId, string mergedExternalId, long keptId, long mergedId,
        CancellationToken cancellationToken)
    {
        var p = new { keptId, mergedId, keptExternalId, mergedExternalId };
        var links = (await connection.QueryAsync<(string, string)>(Command(
            "SELECT source, source_id FROM source_contacts WHERE external_id = @mergedExternalId ORDER BY source, source_id", p, transaction, cancellationToken)))
            .Select(l => new SourceKey(l.Item1, l.Item2)).ToList();
        var memberships = await MembershipsAsync(connection, transaction, "account_id", "user_id", mergedId, cancellationToken);
        var existing = (await MembershipsAsync(connection, transaction, "account_id", "user_id", keptId, cancellationToken))
            .Select(m => (m.Other, m.Source)).ToHashSet();
        var added = memberships.Where(m => !existing.Contains((m.Other, m.Source))).ToList();
        var events = (await connection.QueryAsync<long>(Command(
            "SELECT id FROM events WHERE user_id = @mergedId ORDER BY id", p, transaction, cancellationToken))).ToList();
        var conversations = (await connection.QueryAsync<long>(Command(
            "SELECT conversation_id FROM conversation_users WHERE user_id = @mergedId ORDER BY conversation_id", p, transaction, cancellationToken))).ToList();
        var keptConversations = (await connection.QueryAsync<long>(Command(
            "SELECT conversation_id FROM conversation_users WHERE user_id = @keptId", p, transaction, cancellationToken))).ToHashSet();
        var addedConversations = conversations.Where(c => !keptConversations.Contains(c)).ToList();

        await connection.ExecuteAsync(Command(
            "UPDATE source_contacts SET external_id = @keptExternalId WHERE external_id = @mergedExternalId", p, transaction, cancellationToken));
        foreach (var m in added)
            await InsertMembershipAsync(connection, transaction, m.Other, keptId, m, cancellationToken);
        await connection.ExecuteAsync(Command("DELETE FROM memberships WHERE user_id = @mergedId", p, transaction, cancellationToken));
        await connection.ExecuteAsync(Command("UPDATE events SET user_id = @keptId WHERE user_id = @mergedId", p, transaction, cancellationToken));
        foreach (var c in addedConversations)
        {
            await connection.ExecuteAsync(Command(
                "INSERT INTO conversation_users (conversation_id, user_id) VALUES (@c, @keptId)", new { c, keptId }, transaction, cancellationToken));
        }

        await connection.ExecuteAsync(Command("DELETE FROM conversation_users WHERE user_id = @mergedId", p, transaction, cancellationToken));
        return new MergePrior
        {
            Status = "",
            UpdatedAt = default,
            Links = links,
            Memberships = memberships,
            Added = added,
            Events = events,
            Conversations = conversations,
            AddedConversations = addedConversations,
        };
    }

    private async Task<List<MembershipKey>> MembershipsAsync(
        DbConnection connection, DbTransaction transaction, string other, string own, long id, CancellationToken cancellationToken) =>
        [.. (await connection.QueryAsync<(long Other, string Source, DateTimeOffset CreatedAt)>(Command(
            $"SELECT {other}, source, created_at FROM memberships WHERE {own} = @id ORDER BY {other}, source",
            new { id }, transaction, cancellationToken)))
            .Select(m => new MembershipKey(m.Other, m.Source, m.CreatedAt))];

    private async Task InsertMembershipAsync(
        DbConnection connection, DbTransaction transaction, long accountId, long userId, MembershipKey membership, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { accountId, userId, membership.Source });
        parameters.Add("createdAt", database.Dialect.Time(membership.CreatedAt));
        await connection.ExecuteAsync(Command(
            "INSERT INTO memberships (account_id, user_id, source, created_at) VALUES (@accountId, @userId, @Source, @createdAt)",
            parameters, transaction, cancellationToken));
    }

    private static string KindName(RecordKind kind) => kind == RecordKind.Account ? "account" : "user";
}
