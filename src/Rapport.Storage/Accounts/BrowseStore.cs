using System.Data.Common;
using Dapper;
using Rapport.Storage.Sources;
using Rapport.Hub.Accounts;
using Rapport.Hub.Users;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;
using static Rapport.Storage.Sql.Keyset;

namespace Rapport.Storage.Accounts;

internal sealed partial class BrowseStore(HubDatabase database) : IBrowseStore
{
    private readonly Keyset _keyset = new(database);

    public async Task<HubCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var counts = await connection.QuerySingleAsync<CountsRow>(Command(
            """
            SELECT (SELECT COUNT(*) FROM accounts WHERE status = 'active') AS ActiveAccounts,
                   (SELECT COUNT(*) FROM accounts WHERE status = 'inactive') AS InactiveAccounts,
                   (SELECT COUNT(*) FROM users WHERE status = 'active') AS ActiveUsers,
                   (SELECT COUNT(*) FROM users WHERE status = 'inactive') AS InactiveUsers,
                   (SELECT COUNT(*) FROM memberships) AS Memberships,
                   (SELECT COUNT(*) FROM source_contacts) AS MirroredContacts
            """, null, null, cancellationToken));
        return new HubCounts(
            (int)counts.ActiveAccounts, (int)counts.InactiveAccounts, (int)counts.ActiveUsers, (int)counts.InactiveUsers,
            (int)counts.Memberships, (int)counts.MirroredContacts);
    }

    public async Task<AccountView?> FindAccountAsync(string externalId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var account = await connection.QuerySingleOrDefaultAsync<RecordRow>(Command(
            """
            SELECT id AS Id, external_id AS ExternalId, name AS Name, status AS Status, status_reason AS StatusReason
            FROM accounts WHERE external_id = @externalId
            """, new { externalId }, null, cancellationToken));
        if (account is null)
        {
            return null;
        }

        var sources = await ReadCompanySourcesAsync(connection, "sc.account_id = @id", new { id = account.Id }, cancellationToken);
        var users = await connection.QueryAsync<string>(Command(
            "SELECT DISTINCT u.external_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.account_id = @id",
            new { id = account.Id }, null, cancellationToken));
        return new AccountView(
            new AccountId(account.Id), account.ExternalId, account.Name, ParseStatus(account.Status), account.StatusReason,
            [.. sources.Select(r => new AccountSourceView(
                r.Source, r.SourceId, r.Plan, r.MonthlySpend, r.UserCount, r.SessionCount, r.Size, r.Industry,
                r.Website, r.LastSeenAt, r.Tags, r.Segments, r.CustomAttributesJson, r.RawJson, r.Qualified, r.Reason))],
            [.. users.Order(StringComparer.Ordinal)]);
    }

    public async Task<UserView?> FindUserAsync(string externalId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<RecordRow>(Command(
            """
            SELECT id AS Id, external_id AS ExternalId, email AS Email, name AS Name, status AS Status, status_reason AS StatusReason
            FROM users WHERE external_id = @externalId
            """, new { externalId }, null, cancellationToken));
        if (user is null)
        {
            return null;
        }

        var accounts = await connection.QueryAsync<string>(Command(
            "SELECT DISTINCT a.external_id FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE m.user_id = @id",
            new { id = user.Id }, null, cancellationToken));
        var sources = await ReadContactSourcesAsync(connection, "c.external_id = @externalId", new { externalId }, cancellationToken);
        return new UserView(
            new UserId(user.Id), user.ExternalId, user.Email, user.Name, ParseStatus(user.Status), user.StatusReason,
            [.. accounts.Order(StringComparer.Ordinal)],
            [.. sources.Select(s => new UserSourceView(s.Source, s.SourceId, s.Tags, s.Segments, s.CustomAttributesJson, s.RawJson))]);
    }

    private static RecordStatus ParseStatus(string status) => status == SourceStore.Active ? RecordStatus.Active : RecordStatus.Inactive;

    private async Task<List<CompanySourceRow>> ReadCompanySourcesAsync(
        DbConnection connection, string where, object? parameters, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<CompanySourceRow>(Command(
            $"""
            SELECT sc.source AS Source, sc.source_id AS SourceId, sc.account_id AS AccountId, sc.external_id AS ExternalId,
                   sc.name AS Name, sc.plan AS Plan, sc.monthly_spend AS MonthlySpend, sc.user_count AS UserCount,
                   sc.session_count AS SessionCount, sc.size AS Size, sc.industry AS Industry, sc.website AS Website,
                   sc.source_created_at AS CreatedAt, sc.source_updated_at AS UpdatedAt, sc.last_seen_at AS LastSeenAt,
                   sc.custom_attributes AS CustomAttributesJson, sc.raw AS RawJson, sc.qualified AS Qualified, sc.reason AS Reason
            FROM source_companies sc WHERE {where}
            """, parameters, null, cancellationToken))).ToList();
        var tags = Group(await connection.QueryAsync<(string Source, string SourceId, string Value)>(Command(
            $"SELECT t.source, t.source_id, t.tag FROM source_company_tags t JOIN source_companies sc ON sc.source = t.source AND sc.source_id = t.source_id WHERE {where}",
            parameters, null, cancellationToken)));
        var segments = Group(await connection.QueryAsync<(string Source, string SourceId, string Value)>(Command(
            $"SELECT t.source, t.source_id, t.segment FROM source_company_segments t JOIN source_companies sc ON sc.source = t.source AND sc.source_id = t.source_id WHERE {where}",
            parameters, null, cancellationToken)));
        foreach (var row in rows)
        {
            row.Tags = tags((row.Source, row.SourceId));
            row.Segments = segments((row.Source, row.SourceId));
        }

        return [.. rows.OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.SourceId, StringComparer.Ordinal)];
    }

    private async Task<List<ContactSourceRow>> ReadContactSourcesAsync(
        DbConnection connection, string where, object? parameters, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<ContactSourceRow>(Command(
            $"""
            SELECT c.source AS Source, c.source_id AS SourceId, c.external_id AS ExternalId, c.email AS Email, c.name AS Name,
                   c.source_created_at AS CreatedAt, c.source_updated_at AS UpdatedAt, c.last_seen_at AS LastSeenAt,
                   c.custom_attributes AS CustomAttributesJson, c.raw AS RawJson
            FROM source_contacts c WHERE {where}
            """, parameters, null, cancellationToken))).ToList();
        var tags = Group(await connection.QueryAsync<(string Source, string SourceId, string Value)>(Command(
            $"SELECT t.source, t.contact_source_id, t.tag FROM source_contact_tags t JOIN source_contacts c ON c.source = t.source AND c.source_id = t.contact_source_id WHERE {where}",
            parameters, null, cancellationToken)));
        var companies = Group(await connection.QueryAsync<(string Source, string SourceId, string Value)>(Command(
            $"SELECT t.source, t.contact_source_id, t.company_source_id FROM source_contact_companies t JOIN source_contacts c ON c.source = t.source AND c.source_id = t.contact_source_id WHERE {where}",
            parameters, null, cancellationToken)));
        var segments = Group(await connection.QueryAsync<(string Source, string SourceId, string Value)>(Command(
            $"SELECT t.source, t.source_id, t.segment FROM source_contact_segments t JOIN source_contacts c ON c.source = t.source AND c.source_id = t.source_id WHERE {where}",
            parameters, null, cancellationToken)));
        foreach (var row in rows)
        {
            row.Tags = tags((row.Source, row.SourceId));
            row.Companies = companies((row.Source, row.SourceId));
            row.Segments = segments((row.Source, row.SourceId));
        }

        return [.. rows.OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.SourceId, StringComparer.Ordinal)];
    }

    private static Func<(string, string), IReadOnlyList<string>> Group(IEnumerable<(string Source, string SourceId, string Value)> rows)
    {
        var lookup = rows.ToLookup(r => (r.Source, r.SourceId), r => r.Value);
        return key => [.. lookup[key].Order(StringComparer.Ordinal)];
    }
}
