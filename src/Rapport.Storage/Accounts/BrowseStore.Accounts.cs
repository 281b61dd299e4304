using System.Data.Common;
using Dapper;
using Rapport.Hub.Accounts;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;
using static Rapport.Storage.Sql.Keyset;

namespace Rapport.Storage.Accounts;

internal sealed partial class BrowseStore
{
    private static readonly Dictionary<AccountSort, SortColumn> AccountSorts = new()
    {
        [AccountSort.Name] = new(PageCursor.SortName(AccountSort.Name), "a.list_name", SortKind.Text),
        [AccountSort.LastSeen] = new(PageCursor.SortName(AccountSort.LastSeen), "a.list_last_seen_at", SortKind.Time),
        [AccountSort.MonthlySpend] = new(PageCursor.SortName(AccountSort.MonthlySpend), "a.list_spend", SortKind.Money),
        [AccountSort.UserCount] = new(PageCursor.SortName(AccountSort.UserCount), "a.list_user_count", SortKind.Count),
        [AccountSort.Created] = new(PageCursor.SortName(AccountSort.Created), "a.list_created_at", SortKind.Time),
        [AccountSort.Health] = new(PageCursor.SortName(AccountSort.Health), $"coalesce(st.health, {NoValue})", SortKind.Real),
        [AccountSort.Type] = new(PageCursor.SortName(AccountSort.Type), "coalesce(st.type, '')", SortKind.Text),
    };

    /// <summary>The account <c>a</c> has a source record with a tag (or segment) named by the parameter.</summary>
    private const string AccountHasTag =
        "EXISTS (SELECT 1 FROM source_companies s JOIN source_company_tags t ON t.source = s.source AND t.source_id = s.source_id WHERE s.account_id = a.id AND t.tag = @tag)";

    private const string AccountHasSegment =
        "EXISTS (SELECT 1 FROM source_companies s JOIN source_company_segments t ON t.source = s.source AND t.source_id = s.source_id WHERE s.account_id = a.id AND t.segment = @segment)";

    private const string AccountColumns =
        """
        a.id AS Id, a.external_id AS ExternalId, a.name AS Name, a.status AS Status, a.status_reason AS StatusReason,
        a.list_plan AS Plan, a.list_spend AS MonthlySpend, a.list_user_count AS UserCount, a.list_last_seen_at AS LastSeenAt,
        a.list_created_at AS CreatedAt, st.mrr AS Mrr, st.currency AS Currency, st.type AS ModelType, st.health AS Health
        """;

    public async Task<BrowsePage<AccountRow>> ListAccountsAsync(AccountQuery query, CancellationToken cancellationToken = default)
    {
        var keyset = new KeysetQuery("accounts", "a", AccountColumns, AccountsWithStates, [_keyset.StatusCondition("a", query.Status, query.Search)], new DynamicParameters());
        AddPrefixSearch(keyset, query.Search, "a.list_name", "a.list_external_id");
        if (query.Tag is { } tag)
        {
            keyset.Where.Add(AccountHasTag);
            keyset.Parameters.Add("tag", tag);
        }

        if (query.Segment is { } segment)
        {
            keyset.Where.Add(AccountHasSegment);
            keyset.Parameters.Add("segment", segment);
        }

        if (query.Attribute is { } attribute)
        {
            keyset.Where.Add($"EXISTS (SELECT 1 FROM source_companies s WHERE s.account_id = a.id AND {_keyset.AttributeText("s.custom_attributes")} = @attributeValue)");
            _keyset.AddAttributeParameters(keyset.Parameters, attribute);
        }

        AddAccountMatch(keyset.Where, keyset.Parameters, MatchOf(query));
        var sort = ModelSort(ref keyset, query);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var (rows, next, previous, total) = await _keyset.ReadPageAsync<AccountListRow>(
            connection, keyset, sort, query.Descending, query.Cursor, query.PageSize, query.IncludeTotal, cancellationToken);
        var tags = rows.Count == 0 ? Enumerable.Empty<(long AccountId, string Tag)>().ToLookup(t => t.AccountId, t => t.Tag) : (await connection.QueryAsync<(long AccountId, string Tag)>(Command(
            $"""
            SELECT DISTINCT s.account_id, t.tag FROM source_companies s
            JOIN source_company_tags t ON t.source = s.source AND t.source_id = s.source_id
            WHERE s.account_id {database.Dialect.InIds}
            """, new { ids = database.Dialect.Numbers(rows.Select(r => r.Id)) }, null, cancellationToken))).ToLookup(t => t.AccountId, t => t.Tag);
        return new BrowsePage<AccountRow>([.. rows.Select(r => r.ToRow([.. tags[r.Id].Order(StringComparer.Ordinal)]))], next, previous, total);
    }

    public async Task<BrowseFacets> GetAccountFacetsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return new BrowseFacets(
            await FacetAsync(connection, "SELECT tag, COUNT(*) FROM source_company_tags GROUP BY tag", cancellationToken),
            await FacetAsync(connection, "SELECT segment, COUNT(*) FROM source_company_segments GROUP BY segment", cancellationToken),
            await FacetAsync(connection, "SELECT list_plan, COUNT(*) FROM accounts WHERE list_plan <> '' GROUP BY list_plan", cancellationToken),
            await AttributeNamesAsync(connection, "company", cancellationToken));
    }

    /// <summary>Values with their counts, most first, then by value.</summary>
    private static async Task<IReadOnlyList<FacetValue>> FacetAsync(DbConnection connection, string sql, CancellationToken cancellationToken) =>
        [.. (await connection.QueryAsync<(string Value, long Count)>(Command(sql, null, null, cancellationToken)))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).Select(f => new FacetValue(f.Value, f.Count))];

    private static async Task<IReadOnlyList<string>> AttributeNamesAsync(DbConnection connection, string kind, CancellationToken cancellationToken) =>
        [.. (await connection.QueryAsync<string>(Command("SELECT name FROM attribute_names WHERE kind = @kind", new { kind }, null, cancellationToken)))
            .Order(StringComparer.Ordinal)];

    private static DateTimeOffset? ListTime(DateTimeOffset? value) => value is { } t && t.ToUnixTimeMilliseconds() != 0 ? t : null;

    private sealed class AccountListRow : IKeyedRow
    {
        public long Id { get; set; }
        public string ExternalId { get; set; } = "";
        public string? Name { get; set; }
        public string Status { get; set; } = "";
        public string? StatusReason { get; set; }
        public string Plan { get; set; } = "";
        public decimal? MonthlySpend { get; set; }
        public long UserCount { get; set; }
        public DateTimeOffset? LastSeenAt { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        /// <summary>Stays <see cref="object"/>: its type is the sort column's (text, time, money, count, real), which the sort chooses.</summary>
        public object? SortKey { get; set; }
        public decimal? Mrr { get; set; }
        public string? Currency { get; set; }
        public string? ModelType { get; set; }
        public double? Health { get; set; }

        public AccountRow ToRow(IReadOnlyList<string> tags) => new(
            new AccountId(Id), ExternalId, Name, ParseStatus(Status), StatusReason, Plan.Length == 0 ? null : Plan,
            MonthlySpend >= 0 ? MonthlySpend : null,
            UserCount, ListTime(LastSeenAt), ListTime(CreatedAt), tags, Mrr, Currency, ModelType, (decimal?)Health);
    }
}
