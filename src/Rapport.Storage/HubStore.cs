using System.Data.Common;
using Dapper;
using Rapport.Hub.Storage;
using Rapport.Storage.Sql;

namespace Rapport.Storage;

/// <summary>
/// The store's behaviour, written once in the SQL both databases share; <see cref="Sqlite.SqliteHubStore"/> and
/// <see cref="Postgres.PostgresHubStore"/> supply connections and the <see cref="SqlDialect"/>.
/// </summary>
internal abstract partial class HubStore(SqlDialect dialect, TimeProvider timeProvider) : IHubStore
{
    /// <summary>Ids per list parameter (<see cref="SqlDialect.InIds"/>), so that no single statement grows without bound.</summary>
    private const int InListChunk = 5_000;

    public string Provider => dialect.Provider;

    /// <summary>How the database is named in messages: a file path, or a server and database without credentials.</summary>
    public abstract string DisplayName { get; }

    protected SqlDialect Dialect => dialect;

    public abstract ValueTask DisposeAsync();

    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    public abstract Task<IJobHold?> TryHoldJobAsync(HubJob job, CancellationToken cancellationToken = default);

    /// <summary>A read-only transaction that sees one consistent state of the database.</summary>
    protected virtual async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);

    /// <summary>Entered before every write transaction begins and left once it ends; nothing to wait for unless the database has one writer.</summary>
    protected virtual Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) => Task.FromResult<IDisposable?>(null);

    private object Now() => dialect.Time(timeProvider.GetUtcNow())!;

    /// <summary>One transaction around <paramref name="work"/> and its checkpoint: both are kept, or neither.</summary>
    private async Task<T> WriteAsync<T>(
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

    private static CommandDefinition Command(string sql, object? parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    private static IEnumerable<string[]> Chunks(IEnumerable<string> values) => values.Chunk(InListChunk);
}
