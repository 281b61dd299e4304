using System.Globalization;
using Rapport.Storage.Sql;

namespace Rapport.Storage.Postgres;

internal sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    public override string Provider => "postgresql";

    // Autovacuum analyses a bulk-loaded table only some time later; until then the plans of the derivation's joins
    // assume empty tables, and on 100,000 contacts one of its statements ran past the 30-second command timeout.
    // ANALYZE samples a bounded number of rows per table, so it costs little even when nothing changed.
    public override string? RefreshStatistics =>
        "ANALYZE accounts, users, memberships, source_companies, source_contacts, source_contact_companies";

    public override string Json(string parameter) => $"CAST({parameter} AS json)";

    public override string JsonB(string parameter) => $"CAST({parameter} AS jsonb)";

    public override string In(string parameter) => $"= ANY({parameter})";

    public override string ContactsByExternalId => "";

    public override object Numbers(IEnumerable<long> ids) => ids.ToArray();

    public override object Ids(IEnumerable<string> ids) => ids.ToArray();

    // Each statement is a round trip, so many rows per statement, but not so many that parsing and planning the
    // statement dominate; the same text repeats, so Npgsql's auto-prepare plans it once per connection.
    public override int RowsPerStatement(int columns) => Math.Max(1, 2_000 / columns);

    public override string CreateMigrationsTable =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)";

    // Npgsql writes timestamptz only from UTC values.
    public override object? Time(DateTimeOffset? value) => Truncate(value);

    public override object Duration(TimeSpan value) => value;

    public override object? Money(decimal? value) => value;

    public override string ForUpdate => "FOR UPDATE";

    public override string SkipLocked => "FOR UPDATE SKIP LOCKED";

    public override object JsonKey(string name) => name;

    public override string JsonText(string json, string key) => $"({json} ->> {key})";

    public override string JsonIsTrue(string json, string key) => $"({json} -> {key}) = 'true'::jsonb";

    public override string MoneyNumber(string column) => column;

    public override object MoneyComparand(decimal value) => value;

    public override object? ReadMoneyKey(string key) =>
        decimal.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : null;

    public override string NotIndexed(string column) => column;
}
