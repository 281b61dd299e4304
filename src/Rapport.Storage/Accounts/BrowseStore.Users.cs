using System.Data.Common;
using Dapper;
using Rapport.Hub.Accounts;
using Rapport.Hub.Users;
using Rapport.Storage.Database;
using static Rapport.Storage.Database.HubDatabase;
using static Rapport.Storage.Sql.Keyset;

namespace Rapport.Storage.Accounts;

internal sealed partial class BrowseStore
{
    private static readonly Dictionary<UserSort, SortColumn> UserSorts = new()
    {
        [UserSort.Name] = new(PageCursor.SortName(UserSort.Name), "u.list_name", SortKind.Text),
        [UserSort.Email] = new(PageCursor.SortName(UserSort.Email), "u.list_email", SortKind.Text),
        [UserSort.Created] = new(PageCursor.SortName(UserSort.Created), "u.created_at", SortKind.Time),
    };

    /// <summary>A user's source records are the mirrored contacts with its external id.</summary>
    private const string UserContacts = "source_contacts c WHERE c.external_id = u.external_id";

    private const string UserColumns =
        """
        u.id AS Id, u.external_id AS ExternalId, u.name AS Name, u.email AS Email, u.status AS Status, u.status_reason AS StatusReason,
        u.created_at AS CreatedAt,
        (SELECT COUNT(DISTINCT m.account_id) FROM memberships m WHERE m.user_id = u.id) AS AccountCount,
        (SELECT MAX(c.last_seen_at) FROM source_contacts c WHERE c.external_id = u.external_id) AS LastSeenAt
        """;

    public async Task<BrowsePage<UserRow>> ListUsersAsync(UserQuery query, CancellationToken cancellationToken = default)
    {
        var keyset = new KeysetQuery("users", "u", UserColumns, "users u", [_keyset.StatusCondition("u", query.Status, query.Search)], new DynamicParameters());
        AddPrefixSearch(keyset, query.Search, "u.list_name", "u.list_email", "u.list_external_id");
        if (query.Tag is { } tag)
        {
            keyset.Where.Add(
                "EXISTS (SELECT 1 FROM source_contacts c JOIN source_contact_tags t ON t.source = c.source AND t.contact_source_id = c.source_id WHERE c.external_id = u.external_id AND t.tag = @tag)");
            keyset.Parameters.Add("tag", tag);
        }

        if (query.Segment is { } segment)
        {
            keyset.Where.Add(
                "EXISTS (SELECT 1 FROM source_contacts c JOIN source_contact_segments t ON t.source = c.source AND t.source_id = c.source_id WHERE c.external_id = u.external_id AND t.segment = @segment)");
            keyset.Parameters.Add("segment", segment);
        }

        if (query.AccountId is { } accountId)
        {
            keyset.Where.Add("EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.account_id = @accountId)");
            keyset.Parameters.Add("accountId", accountId);
        }

        if (query.Attribute is { } attribute)
        {
            keyset.Where.Add($"EXISTS (SELECT 1 FROM {UserContacts} AND {_keyset.AttributeText("c.custom_attributes")} = @attributeValue)");
            _keyset.AddAttributeParameters(keyset.Parameters, attribute);
        }

        if (query.OfAccounts is { IsEmpty: false } match)
        {
            var conditions = new List<string>();
            AddAccountMatch(conditions, keyset.Parameters, match);
            keyset.Where.Add(
                "EXISTS (SELECT 1 FROM memberships m JOIN accounts a ON a.id = m.account_id LEFT JOIN account_states st ON st.account_id = a.id " +
                $"WHERE m.user_id = u.id AND {string.Join(" AND ", conditions)})");
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var (rows, next, previous, total) = await _keyset.ReadPageAsync<UserListRow>(
            connection, keyset, UserSorts[query.Sort], query.Descending, query.Cursor, query.PageSize, query.IncludeTotal, cancellationToken);
        return new BrowsePage<UserRow>(await ToUserRowsAsync(connection, rows, cancellationToken), next, previous, total);
    }

    public async Task<BrowseFacets> GetUserFacetsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return new BrowseFacets(
            await FacetAsync(connection, "SELECT tag, COUNT(*) FROM source_contact_tags GROUP BY tag", cancellationToken),
            await FacetAsync(connection, "SELECT segment, COUNT(*) FROM source_contact_segments GROUP BY segment", cancellationToken),
            [],
            await AttributeNamesAsync(connection, "contact", cancellationToken));
    }

    /// <summary>List rows with their tags (from every contact with the user's external id), read for the page's ids at once.</summary>
    private async Task<IReadOnlyList<UserRow>> ToUserRowsAsync(DbConnection connection, List<UserListRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return [];
        var tags = (await connection.QueryAsync<(long UserId, string Tag)>(Command(
            $"""
            SELECT DISTINCT u.id, t.tag FROM users u
            JOIN source_contacts c ON c.external_id = u.external_id
            JOIN source_contact_tags t ON t.source = c.source AND t.contact_source_id = c.source_id
            WHERE u.id {database.Dialect.InIds}
            """, new { ids = database.Dialect.Numbers(rows.Select(r => r.Id)) }, null, cancellationToken))).ToLookup(t => t.UserId, t => t.Tag);
        return [.. rows.Select(r => new UserRow(
            new UserId(r.Id), r.ExternalId, r.Name, r.Email, ParseStatus(r.Status), r.StatusReason, r.AccountCount,
            r.LastSeenAt, r.CreatedAt!.Value, [.. tags[r.Id].Order(StringComparer.Ordinal)]))];
    }

    private sealed class UserListRow : IKeyedRow
    {
        public long Id { get; set; }
        public string ExternalId { get; set; } = "";
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string Status { get; set; } = "";
        public string? StatusReason { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public long AccountCount { get; set; }
        public DateTimeOffset? LastSeenAt { get; set; }
        /// <summary>Stays <see cref="object"/>: its type is the sort column's (text, time, count), which the sort chooses.</summary>
        public object? SortKey { get; set; }
    }
}
