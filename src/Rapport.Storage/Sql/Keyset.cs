using System.Data.Common;
using System.Globalization;
using Dapper;
using Rapport.Hub.Accounts;
using Rapport.Storage.Database;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Sql;

/// <summary>
/// Keyset pagination shared by the account and user lists: rows after (or before) the cursor's (sort key, id), in the
/// order of one index, never an OFFSET. Sort keys are never NULL (see migration 0004), so a row-value comparison says it all.
/// </summary>
internal sealed class Keyset(HubDatabase database)
{
    internal enum SortKind
    {
        Text,
        Time,
        Money,
        Count,

        /// <summary>A REAL (SQLite) or double precision (PostgreSQL) column on both databases.</summary>
        Real,
    }

    /// <param name="Name">The sort's name inside cursors.</param>
    /// <param name="Column">The indexed column, qualified by the list's alias.</param>
    internal sealed record SortColumn(string Name, string Column, SortKind Kind);

    /// <summary>One list query: <c>SELECT {Select}, {sort} AS SortKey FROM {From} WHERE {Where}</c>; the id column is <c>{Alias}.id</c>.</summary>
    internal sealed record KeysetQuery(string List, string Alias, string Select, string From, List<string> Where, DynamicParameters Parameters);

    internal interface IKeyedRow
    {
        long Id { get; }

        object? SortKey { get; }
    }

    internal async Task<(List<T> Rows, PageCursor? Next, PageCursor? Previous, long? Total)> ReadPageAsync<T>(
        DbConnection connection, KeysetQuery query, SortColumn sort, bool descending, PageCursor? cursor, int pageSize, bool includeTotal,
        CancellationToken cancellationToken)
        where T : IKeyedRow
    {
        if (pageSize is < 1 or > PageCursor.MaxPageSize)
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"A page holds 1 to {PageCursor.MaxPageSize} rows.");
        if (cursor is not null && !cursor.Fits(query.List, sort.Name, descending))
            throw new ArgumentException("The cursor belongs to another list, sort or direction.", nameof(cursor));

        long? total = null;
        if (includeTotal)
        {
            total = await connection.ExecuteScalarAsync<long>(Command(
                $"SELECT COUNT(*) FROM {query.From} {WhereClause(query.Where)}", query.Parameters, null, cancellationToken));
        }

        var backward = cursor?.Backward ?? false;
        var scanDescending = descending != backward;
        var where = new List<string>(query.Where);
        if (cursor is not null)
        {
            where.Add($"({sort.Column}, {query.Alias}.id) {(scanDescending ? "<" : ">")} (@cursorKey, @cursorId)");
            query.Parameters.Add("cursorKey", KeyParameter(sort.Kind, cursor.Key));
            query.Parameters.Add("cursorId", cursor.Id);
        }

        var direction = scanDescending ? "DESC" : "ASC";
        var rows = (await connection.QueryAsync<T>(Command(
            $"""
            SELECT {query.Select}, {sort.Column} AS SortKey FROM {query.From} {WhereClause(where)}
            ORDER BY {sort.Column} {direction}, {query.Alias}.id {direction}
            LIMIT {pageSize + 1}
            """, query.Parameters, null, cancellationToken))).ToList();
        var more = rows.Count > pageSize;
        if (more)
            rows.RemoveAt(rows.Count - 1);
        if (backward)
            rows.Reverse();

        PageCursor At(T row, bool back) => new(query.List, sort.Name, descending, back, row.Id, KeyText(row.SortKey));
        PageCursor? next, previous;
        if (rows.Count == 0)
        {
            next = backward ? cursor! with { Backward = false } : null;
            previous = !backward && cursor is not null ? cursor with { Backward = true } : null;
        }
        else if (backward)
        {
            next = At(rows[^1], false);
            previous = more ? At(rows[0], true) : null;
        }
        else
        {
            next = more ? At(rows[^1], false) : null;
            previous = cursor is null ? null : At(rows[0], true);
        }

        return (rows, next, previous, total);
    }

    internal static string WhereClause(List<string> conditions) => conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);

    internal static string KeyText(object? key) => key switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime or DateTimeOffset => SqlDialect.ReadTime(key)!.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unexpected sort key of type {key?.GetType()}."),
    };

    /// <summary>The cursor's key bound the way the column stores it: unix ms or timestamptz, REAL or numeric.</summary>
    internal object KeyParameter(SortKind kind, string key)
    {
        const NumberStyles Integer = NumberStyles.AllowLeadingSign;
        const NumberStyles Number = NumberStyles.Float;
        var invariant = CultureInfo.InvariantCulture;
        object? value = kind switch
        {
            SortKind.Text => key,
            SortKind.Count => long.TryParse(key, Integer, invariant, out var n) ? n : null,
            SortKind.Time => long.TryParse(key, Integer, invariant, out var ms) && ms is > -62_135_596_800_000 and < 253_402_300_800_000
                ? database.Dialect.Time(DateTimeOffset.FromUnixTimeMilliseconds(ms)) : null,
            SortKind.Money => database.Dialect.ReadMoneyKey(key),
            SortKind.Real => double.TryParse(key, Number, invariant, out var r) && double.IsFinite(r) ? r : null,
            _ => null,
        };
        return value ?? throw new ArgumentException("The cursor is damaged: its sort key cannot be read.", "cursor");
    }

    /// <summary>Lower case as both databases fold it in the list columns: ASCII letters only.</summary>
    internal static string AsciiLower(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + 32) : source[i];
        });

    /// <summary>Adds "one of these lower-cased columns starts with the search", as index range scans.</summary>
    internal static void AddPrefixSearch(KeysetQuery query, string? search, params string[] columns)
    {
        if (string.IsNullOrWhiteSpace(search))
            return;
        var low = AsciiLower(search.Trim());
        query.Where.Add("(" + string.Join(" OR ", columns.Select(c => $"({c} >= @searchLow AND {c} < @searchHigh)")) + ")");
        query.Parameters.Add("searchLow", low);
        // U+10FFFF encodes as the greatest UTF-8 sequence, so every string that starts with the prefix sorts below this bound.
        query.Parameters.Add("searchHigh", low + "\U0010FFFF");
    }

    /// <summary>A custom attribute's value as text, the same on both databases: strings unquoted, other values as JSON, JSON null as NULL.</summary>
    internal string AttributeText(string json) => database.Dialect.JsonText(json, "@attributeKey");

    internal void AddAttributeParameters(DynamicParameters parameters, AttributeFilter attribute)
    {
        parameters.Add("attributeKey", database.Dialect.JsonKey(attribute.Name));
        parameters.Add("attributeValue", attribute.Value);
    }

    /// <summary>
    /// The status filter. While searching, SQLite is kept from using it as an index (unary +): the status-first sort
    /// index would read every row of the status, where the prefix indexes read only the matches.
    /// </summary>
    internal string StatusCondition(string alias, StatusFilter status, string? search)
    {
        var column = string.IsNullOrWhiteSpace(search) ? alias + ".status" : database.Dialect.NotIndexed(alias + ".status");
        return status switch
        {
            StatusFilter.Active => $"{column} = 'active'",
            StatusFilter.Inactive => $"{column} = 'inactive'",
            _ => "1 = 1",
        };
    }
}
