using System.Globalization;

namespace Rapport.Storage.Sql;

/// <summary>
/// What differs between the two databases once the SQL itself is shared: how values are bound and how JSON is cast.
/// Everything else is written once, in the dialect both understand (<c>ON CONFLICT</c>, <c>RETURNING</c>, <c>UPDATE … FROM</c>).
/// </summary>
internal abstract class SqlDialect
{
    public abstract string Provider { get; }

    /// <summary>
    /// Brings the query planner's statistics up to date before the set-based derivation, or null where the database
    /// needs nothing of the kind. Right after a bulk import they describe the empty tables the import started from.
    /// </summary>
    public virtual string? RefreshStatistics => null;

    /// <summary>A parameter bound to a <c>json</c> column (raw objects, kept as received).</summary>
    public abstract string Json(string parameter);

    /// <summary>A parameter bound to a queryable JSON column (custom attributes).</summary>
    public abstract string JsonB(string parameter);

    /// <summary>
    /// Membership in the list parameter <c>@ids</c>, bound from <see cref="Ids"/> as one value: Dapper's expansion of
    /// <c>IN @ids</c> into a parameter per item costs quadratic time to bind on SQLite, and Npgsql binds arrays natively.
    /// </summary>
    public string InIds => In("@ids");

    /// <summary><see cref="InIds"/> for a list parameter of another name, when one statement needs several lists.</summary>
    public abstract string In(string parameter);

    public abstract object Ids(IEnumerable<string> ids);

    /// <summary>
    /// After <c>source_contacts c</c> in a derivation scoped to a few external ids: SQLite, without statistics, would
    /// otherwise walk every contact of the source by its primary key and filter; PostgreSQL plans it well by itself.
    /// </summary>
    public abstract string ContactsByExternalId { get; }

    /// <summary><see cref="Ids"/> for numeric keys, used with <see cref="InIds"/> too.</summary>
    public abstract object Numbers(IEnumerable<long> ids);

    /// <summary>Rows per <c>INSERT … VALUES</c> statement of <paramref name="columns"/> columns.</summary>
    public abstract int RowsPerStatement(int columns);

    /// <summary>DDL of the migrations ledger, created before any migration runs.</summary>
    public abstract string CreateMigrationsTable { get; }

    public abstract object? Time(DateTimeOffset? value);

    public abstract object? Money(decimal? value);

    /// <summary>A length of time to add to or take from a stored time in SQL: milliseconds on SQLite, an interval on PostgreSQL.</summary>
    public abstract object Duration(TimeSpan value);

    /// <summary>After a claim's inner <c>SELECT</c>: rows another node is claiming right now are skipped, not waited for (SQLite has one writer, so nothing to skip).</summary>
    public abstract string SkipLocked { get; }

    /// <summary>After a <c>SELECT</c> of one row to change in the same transaction: locked until commit (SQLite's one writer holds the whole file already).</summary>
    public abstract string ForUpdate { get; }

    /// <summary>How a key of a JSON object is bound for <see cref="JsonText"/> and <see cref="JsonIsTrue"/>: a path on SQLite, the name on PostgreSQL.</summary>
    public abstract object JsonKey(string name);

    /// <summary>The value under the key bound to <paramref name="key"/> as text, the same on both databases: strings unquoted, other values as JSON, JSON null as NULL.</summary>
    public abstract string JsonText(string json, string key);

    /// <summary>Whether the value under the key bound to <paramref name="key"/> is the boolean true (not the text "true").</summary>
    public abstract string JsonIsTrue(string json, string key);

    /// <summary>A money column as a number to compare and sort by: REAL on SQLite, which keeps money as text; numeric on PostgreSQL.</summary>
    public abstract string MoneyNumber(string column);

    /// <summary>A value to compare with <see cref="MoneyNumber"/>, of the same type.</summary>
    public abstract object MoneyComparand(decimal value);

    /// <summary>A sort key of <see cref="MoneyNumber"/> read back from a cursor's text, or null when it is not one.</summary>
    public abstract object? ReadMoneyKey(string key);

    /// <summary>
    /// <paramref name="column"/> in a condition the planner must not serve from an index (SQLite's unary +, when another
    /// index reads fewer rows); PostgreSQL's planner chooses well by itself.
    /// </summary>
    public abstract string NotIndexed(string column);

    /// <summary>Milliseconds are the precision both databases keep identically, so values are cut there before hashing or storing.</summary>
    public static DateTimeOffset? Truncate(DateTimeOffset? value) =>
        value is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v.ToUnixTimeMilliseconds()) : null;

    public static DateTimeOffset? ReadTime(object? value) => value switch
    {
        null or DBNull => null,
        long ms => DateTimeOffset.FromUnixTimeMilliseconds(ms),
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        DateTimeOffset dto => dto.ToUniversalTime(),
        _ => throw new InvalidOperationException($"Unexpected time value of type {value.GetType()}."),
    };

    public static decimal? ReadMoney(object? value) => value switch
    {
        null or DBNull => null,
        decimal d => d,
        string s => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture),
        long l => l,
        double d => (decimal)d,
        _ => throw new InvalidOperationException($"Unexpected money value of type {value.GetType()}."),
    };
}
