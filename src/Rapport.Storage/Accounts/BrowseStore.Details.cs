using Dapper;
using Rapport.Hub.Accounts;
using Rapport.Hub.Sources;
using Rapport.Hub.Users;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;
using static Rapport.Storage.Sql.Keyset;

namespace Rapport.Storage.Accounts;

internal sealed partial class BrowseStore
{
    public async Task<AccountDetail?> GetAccountAsync(AccountId id, int userLimit = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var account = await connection.QuerySingleOrDefaultAsync<DetailRow>(Command(
            """
            SELECT id AS Id, external_id AS ExternalId, name AS Name, status AS Status, status_reason AS StatusReason,
                   created_at AS CreatedAt, updated_at AS UpdatedAt
            FROM accounts WHERE id = @id
            """, new { id = id.Value }, null, cancellationToken));
        if (account is null)
            return null;

        var sources = await ReadCompanySourcesAsync(connection, "sc.account_id = @id", new { id = id.Value }, cancellationToken);
        var userCount = await connection.ExecuteScalarAsync<long>(Command(
            "SELECT COUNT(DISTINCT user_id) FROM memberships WHERE account_id = @id", new { id = id.Value }, null, cancellationToken));
        var users = (await connection.QueryAsync<UserListRow>(Command(
            $"""
            SELECT {UserColumns}, u.list_name AS SortKey FROM users u
            WHERE u.id IN (SELECT m.user_id FROM memberships m WHERE m.account_id = @id)
            ORDER BY u.list_name, u.id LIMIT {Math.Clamp(userLimit, 0, 10_000)}
            """, new { id = id.Value }, null, cancellationToken))).ToList();
        return new AccountDetail(
            new AccountId(account.Id), account.ExternalId, account.Name, ParseStatus(account.Status), account.StatusReason,
            account.CreatedAt!.Value, account.UpdatedAt!.Value,
            [.. sources.Select(r => new CompanyDecision(new SourceCompany(
                r.Source, r.SourceId, r.ExternalId, r.Name, r.Plan, r.MonthlySpend, r.UserCount, r.SessionCount, r.Size,
                r.Industry, r.Website, r.CreatedAt, r.UpdatedAt, r.LastSeenAt,
                r.Tags, r.Segments, r.CustomAttributesJson, r.RawJson), r.Qualified, r.Reason))],
            await ToUserRowsAsync(connection, users, cancellationToken),
            userCount);
    }

    public async Task<UserDetail?> GetUserAsync(UserId id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<DetailRow>(Command(
            """
            SELECT id AS Id, external_id AS ExternalId, name AS Name, email AS Email, status AS Status, status_reason AS StatusReason,
                   created_at AS CreatedAt, updated_at AS UpdatedAt
            FROM users WHERE id = @id
            """, new { id = id.Value }, null, cancellationToken));
        if (user is null)
            return null;

        var sources = await ReadContactSourcesAsync(connection, "c.external_id = @externalId", new { externalId = user.ExternalId }, cancellationToken);
        var accounts = await connection.QueryAsync<DetailRow>(Command(
            """
            SELECT a.id AS Id, a.external_id AS ExternalId, a.name AS Name, a.status AS Status FROM accounts a
            WHERE a.id IN (SELECT m.account_id FROM memberships m WHERE m.user_id = @id)
            ORDER BY a.list_name, a.id
            """, new { id = id.Value }, null, cancellationToken));
        return new UserDetail(
            new UserId(user.Id), user.ExternalId, user.Name, user.Email, ParseStatus(user.Status), user.StatusReason,
            user.CreatedAt!.Value, user.UpdatedAt!.Value,
            [.. sources.Select(s => new ContactRecord(
                s.Source, s.SourceId, s.Email, s.Name, s.CreatedAt, s.UpdatedAt,
                s.LastSeenAt, s.Tags, s.Segments, s.CustomAttributesJson, s.RawJson))],
            [.. accounts.Select(a => new AccountLink(new AccountId(a.Id), a.ExternalId, a.Name, ParseStatus(a.Status)))]);
    }

    private sealed class DetailRow
    {
        public long Id { get; set; }
        public string ExternalId { get; set; } = "";
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string Status { get; set; } = "";
        public string? StatusReason { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
    }
}
