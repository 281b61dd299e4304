using System.Data.Common;
using Dapper;
using Rapport.Hub.Retention;
using Rapport.Hub.Storage;
using Rapport.Hub.Sync;
using Rapport.Storage.Postgres;
using Rapport.Storage.Sql;
using Rapport.Storage.Sqlite;

namespace Rapport.Storage.Database;

/// <summary>
/// The one database every feature store shares: connections, the write turn, snapshot reads, the dialect, the clock,
/// migrations and job holds. <see cref="Sqlite.SqliteHubDatabase"/> and <see cref="Postgres.PostgresHubDatabase"/>
/// supply connections and the <see cref="SqlDialect"/>; the stores (one per feature) write their SQL once, against this.
/// </summary>
public abstract partial class HubDatabase : IAsyncDisposable
{
    /// <summary>Ids per list parameter (<see cref="SqlDialect.InIds"/>), so that no single statement grows without bound.</summary>
    internal const int InListChunk = 5_000;

    private protected HubDatabase(SqlDialect dialect, TimeProvider timeProvider)
    {
        DapperTypes.Register();
        Dialect = dialect;
        TimeProvider = timeProvider;
    }

    /// <summary><c>sqlite</c> or <c>postgresql</c>.</summary>
    public string Provider => Dialect.Provider;

    /// <summary>How the database is named in messages: a file path, or a server and database without credentials.</summary>
    public abstract string DisplayName { get; }

    internal SqlDialect Dialect { get; }

    internal TimeProvider TimeProvider { get; }

    /// <summary>
    /// <c>postgres://…</c>, <c>postgresql://…</c> or an Npgsql connection string (<c>Host=…</c>) opens PostgreSQL; anything
    /// else is a SQLite file path, created if missing. Checks the database is Rapport's (or empty), applies migrations and
    /// returns it.
    /// </summary>
    /// <exception cref="HubStoreException">Not a Rapport database, not SQLite, unreachable server, or a newer schema.</exception>
    public static async Task<HubDatabase> OpenAsync(string database, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return PostgresConnectionString.Matches(database)
            ? await PostgresHubDatabase.ConnectAsync(database, timeProvider, cancellationToken)
            : await SqliteHubDatabase.OpenFileAsync(database, timeProvider, cancellationToken);
    }

    /// <summary>The full path of the SQLite file <paramref name="database"/> names, or null when it names a PostgreSQL database.</summary>
    public static string? SqliteFile(string database) =>
        PostgresConnectionString.Matches(database) ? null : Path.GetFullPath(database);

    public abstract ValueTask DisposeAsync();

    internal abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Holds <paramref name="job"/> for this process until the returned handle is disposed, or null at once when another
    /// holder has it (see <see cref="ISyncStateStore.TryHoldJobAsync"/>).
    /// </summary>
    internal abstract Task<IJobHold?> TryHoldJobAsync(HubJob job, CancellationToken cancellationToken);

    /// <summary>What the database takes on disk (or on the server).</summary>
    internal abstract Task<DatabaseSize> MeasureAsync(CancellationToken cancellationToken);

    /// <summary>A read-only transaction that sees one consistent state of the database.</summary>
    internal virtual async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);

    /// <summary>Entered before every write transaction begins and left once it ends; nothing to wait for unless the database has one writer.</summary>
    private protected virtual Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable?>(null);

    internal object Now() => Dialect.Time(TimeProvider.GetUtcNow())!;

    /// <summary>One transaction around <paramref name="work"/> and its checkpoint: both are kept, or neither.</summary>
    internal async Task<T> WriteAsync<T>(
        Func<DbConnection, DbTransaction, Task<T>> work, SyncCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        using var turn = await EnterWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        if (checkpoint is not null)
        {
            await SaveSyncStateAsync(connection, transaction, checkpoint.Key, checkpoint.Value, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>A write of one statement that reports whether it changed a row.</summary>
    internal Task<bool> ChangeOneAsync(string sql, DynamicParameters parameters, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
            await connection.ExecuteAsync(Command(sql, parameters, transaction, cancellationToken)) > 0, null, cancellationToken);

    /// <summary>
    /// Saves a key of <c>sync_state</c> inside the caller's transaction: a checkpoint, a setting, a tally, kept with the
    /// writes it describes.
    /// </summary>
    internal async Task SaveSyncStateAsync(
        DbConnection connection, DbTransaction transaction, string key, string? value, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { key, value });
        parameters.Add("now", Now());
        await connection.ExecuteAsync(Command(
            """
            INSERT INTO sync_state (key, value, updated_at) VALUES (@key, @value, @now)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """, parameters, transaction, cancellationToken));
    }

    /// <summary>Sets a key of <c>sync_state</c> in a write transaction of its own.</summary>
    internal Task SetSyncStateAsync(string key, string? value, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            await SaveSyncStateAsync(connection, transaction, key, value, cancellationToken);
            return 0;
        }, null, cancellationToken);

    /// <summary>Reads a key of <c>sync_state</c>; null when it was never set.</summary>
    internal async Task<string?> ReadSyncStateAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(
            Command("SELECT value FROM sync_state WHERE key = @key", new { key }, null, cancellationToken));
    }

    internal static CommandDefinition Command(string sql, object? parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    internal static IEnumerable<string[]> Chunks(IEnumerable<string> values) => values.Chunk(InListChunk);
}
