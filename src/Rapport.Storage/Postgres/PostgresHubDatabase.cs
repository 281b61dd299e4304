using System.Data.Common;
using System.Net.Sockets;
using Dapper;
using Npgsql;
using Rapport.Hub.Retention;
using Rapport.Hub.Storage;
using Rapport.Hub.Sync;
using Rapport.Storage.Database;

namespace Rapport.Storage.Postgres;

/// <summary>The server database: one <see cref="NpgsqlDataSource"/> (a connection pool) shared by every operation.</summary>
internal sealed class PostgresHubDatabase : HubDatabase
{
    /// <summary>Marks the <c>schema_migrations</c> table as Rapport's, so another application's database is not mistaken for an empty one.</summary>
    private const string Marker = "Rapport hub schema";

    /// <summary>Arbitrary key of the advisory lock that serialises migrations across nodes ("Rprt").</summary>
    private const long MigrationLock = 0x52707274;

    private readonly NpgsqlDataSource _dataSource;

    private PostgresHubDatabase(NpgsqlDataSource dataSource, string displayName, TimeProvider timeProvider)
        : base(PostgresDialect.Instance, timeProvider)
    {
        _dataSource = dataSource;
        DisplayName = displayName;
    }

    public override string DisplayName { get; }

    public static async Task<PostgresHubDatabase> ConnectAsync(string database, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = PostgresConnectionString.Parse(database);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException or KeyNotFoundException)
        {
            throw new HubStoreException($"Cannot read the PostgreSQL connection string: {ex.Message}", ex);
        }

        var displayName = PostgresConnectionString.Describe(builder);
        if (builder.MaxAutoPrepare == 0)
        {
            // The store's statements are a fixed set of texts run over and over: prepared once, planned once.
            builder.MaxAutoPrepare = 64;
        }

        var store = new PostgresHubDatabase(NpgsqlDataSource.Create(builder), displayName, timeProvider);
        try
        {
            await store.ClaimAsync(cancellationToken);
            await store.EnsureNotNewerAsync(cancellationToken);
            await store.MigrateAsync(cancellationToken);
            return store;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            await store.DisposeAsync();
            throw new HubStoreException($"Cannot use the PostgreSQL database {displayName}: {FirstLine(ex.Message)}", ex);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    internal override Task<IJobHold?> TryHoldJobAsync(HubJob job, CancellationToken cancellationToken) =>
        PostgresJobHold.TryHoldAsync(_dataSource, job, cancellationToken);

    /// <summary>The schema's tables with their indexes and TOAST (what this hub takes), and the whole database it lives in.</summary>
    internal override async Task<DatabaseSize> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var (schema, bytes, whole) = await connection.QuerySingleAsync<(string, long, long)>(new CommandDefinition(
            """
            SELECT current_schema(),
                   COALESCE((SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                             WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')), 0)::bigint,
                   pg_database_size(current_database())
            """, cancellationToken: cancellationToken));
        return new DatabaseSize(Provider, schema, bytes, null, null, whole);
    }

    internal override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    private protected override async Task<bool> HasMigrationsTableAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('schema_migrations') IS NOT NULL", cancellationToken: cancellationToken));

    private protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@key)", new { key = MigrationLock }, transaction, cancellationToken: cancellationToken));

    /// <summary>Accepts a schema Rapport created or one with no tables; refuses another application's.</summary>
    private async Task ClaimAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var state = await connection.QuerySingleAsync<(string? Schema, long Tables, string? Marker)>(new CommandDefinition(
            """
            SELECT current_schema(),
                   (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()),
                   obj_description(to_regclass('schema_migrations'), 'pg_class')
            """, cancellationToken: cancellationToken));
        if (state.Schema is null)
        {
            throw new HubStoreException($"The PostgreSQL database {DisplayName} has no schema to create tables in (check Search Path).");
        }

        if (state.Marker == Marker)
        {
            return;
        }

        if (state.Tables > 0)
        {
            throw new HubStoreException(
                $"The PostgreSQL database {DisplayName} already holds tables of another application (schema {state.Schema}): give Rapport its own database or schema.");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            $"{Dialect.CreateMigrationsTable}; COMMENT ON TABLE schema_migrations IS '{Marker}'", cancellationToken: cancellationToken));
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
