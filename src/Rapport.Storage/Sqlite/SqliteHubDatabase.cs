using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Rapport.Hub.Retention;
using Rapport.Hub.Storage;
using Rapport.Hub.Sync;
using Rapport.Storage.Database;

namespace Rapport.Storage.Sqlite;

/// <summary>The embedded database: one SQLite file in WAL mode, a pooled connection per operation.</summary>
internal sealed partial class SqliteHubDatabase : HubDatabase
{
    /// <summary><c>PRAGMA application_id</c> of a Rapport file, "Rprt" in ASCII, so a foreign file is recognised (https://www.sqlite.org/pragma.html#pragma_application_id).</summary>
    public const int ApplicationId = 0x52707274;

    private const int BusyTimeoutMilliseconds = 10_000;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private Task _checkpoints = Task.CompletedTask;

    private SqliteHubDatabase(string path, TimeProvider timeProvider)
        : base(SqliteDialect.Instance, timeProvider)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
    }

    public string Path { get; }

    public override string DisplayName => $"'{Path}'";

    public static async Task<SqliteHubDatabase> OpenFileAsync(string path, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        EnsureSqliteHeader(fullPath);
        if (System.IO.Path.GetDirectoryName(fullPath) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var store = new SqliteHubDatabase(fullPath, timeProvider);
        try
        {
            await store.ClaimAsync(cancellationToken);
            await store.EnsureNotNewerAsync(cancellationToken);
            await store.MigrateAsync(cancellationToken);
            store._checkpoints = store.CheckpointAsync(store._closing.Token);
            return store;
        }
        catch (SqliteException ex)
        {
            throw new HubStoreException($"Cannot use {store.DisplayName} as a Rapport database: {ex.Message}", ex);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_closing.IsCancellationRequested)
        {
            await _closing.CancelAsync();
            await _checkpoints;
        }

        // Pooled connections would keep the file (and its -wal/-shm) open after the store is gone; the last one to close
        // copies the WAL back into the database.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    internal override Task<IJobHold?> TryHoldJobAsync(HubJob job, CancellationToken cancellationToken) =>
        Task.FromResult(SqliteJobHold.TryHold(Path, job));

    internal override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per-connection settings; WAL itself is persistent and set once by ClaimAsync. NORMAL is durable in WAL mode
            // except for the last transactions before a power loss, never corrupting (https://www.sqlite.org/pragma.html#pragma_synchronous).
            // Checkpoints are the store's own loop (CheckpointAsync), never a commit's; the log it leaves is cut to WalLimitBytes
            // whenever SQLite starts it over (https://www.sqlite.org/pragma.html#pragma_journal_size_limit).
            await connection.ExecuteAsync(
                $"PRAGMA wal_autocheckpoint = 0; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA journal_size_limit = {WalLimitBytes};");
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// SQLite has one writer, and a transaction that finds the lock taken waits in SQLite's busy handler, which sleeps and
    /// retries (up to 100 ms a step) and serves no one in order: behind a steady writer such as the Segment worker, an
    /// ingest append waited up to a second. Queued here instead, each write of this process begins the moment the one
    /// before it ends, in arrival order. Past the busy timeout SQLite's own locking decides, as before.
    /// </summary>
    private protected override async Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) =>
        await _writer.WaitAsync(BusyTimeoutMilliseconds, cancellationToken) ? new Turn(_writer) : null;

    private sealed class Turn(SemaphoreSlim writer) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                writer.Release();
        }
    }

    // A deferred transaction reads one WAL snapshot without taking the write lock.
    internal override Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    private protected override async Task<bool> HasMigrationsTableAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'", cancellationToken: cancellationToken)) > 0;

    /// <summary>Accepts a Rapport file or an empty one (which it marks as Rapport's); refuses any other database.</summary>
    private async Task ClaimAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var applicationId = await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA application_id", cancellationToken: cancellationToken));
        if (applicationId == 0)
        {
            var objects = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM sqlite_master", cancellationToken: cancellationToken));
            if (objects > 0)
            {
                throw new HubStoreException($"{DisplayName} is a SQLite database of another application, not a Rapport database.");
            }

            await connection.ExecuteAsync(new CommandDefinition($"PRAGMA application_id = {ApplicationId}", cancellationToken: cancellationToken));
        }
        else if (applicationId != ApplicationId)
        {
            throw new HubStoreException(
                $"{DisplayName} is a SQLite database of another application (application_id {applicationId}), not a Rapport database.");
        }

        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL", cancellationToken: cancellationToken));
    }

    /// <summary>A file that exists but is not SQLite would otherwise fail later with a less helpful message.</summary>
    private static void EnsureSqliteHeader(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
        {
            return;
        }

        Span<byte> header = stackalloc byte[16];
        int read;
        try
        {
            using var stream = file.OpenRead();
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (IOException ex)
        {
            throw new HubStoreException($"Cannot read '{path}': {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new HubStoreException($"Cannot read '{path}': {ex.Message}", ex);
        }

        if (read < header.Length || !header.SequenceEqual("SQLite format 3\0"u8))
        {
            throw new HubStoreException($"'{path}' is not a SQLite database, so not a Rapport database.");
        }
    }
}
