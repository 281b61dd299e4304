using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Rapport.Hub.Retention;

namespace Rapport.Storage.Sqlite;

/// <summary>The write-ahead log: copied into the database every second, and kept from growing without bound.</summary>
internal sealed partial class SqliteHubDatabase
{
    /// <summary>
    /// The write-ahead log is truncated back to this once it has been copied into the database (without a limit it grew
    /// to 256 MB beside a 22 MB database under load and never shrank; SQLite reuses the file rather than shrink it).
    /// </summary>
    public const long WalLimitBytes = 64L * 1024 * 1024;

    /// <summary>How long the truncating checkpoint waits for readers before leaving it to the next tick.</summary>
    private const int TruncateWaitMilliseconds = 100;

    /// <summary>How often the WAL is copied back into the database, off the path of any write (see <see cref="CheckpointAsync"/>).</summary>
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// SQLite copies its write-ahead log back into the database file every 1,000 pages, inside whichever commit crosses
    /// that mark, and the copy syncs the file to disk: a Segment or webhook call answered only once committed would wait
    /// for it (the slowest 1 % of single track calls took 10 ms, 4 ms without). Connections turn that off
    /// (<c>wal_autocheckpoint = 0</c>) and this loop copies the log every second instead, in PASSIVE mode, which waits for
    /// no writer and no reader (https://www.sqlite.org/wal.html#ckpt).
    /// </summary>
    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(CheckpointInterval, TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await using var connection = await OpenConnectionAsync(cancellationToken);
                    var (_, frames, copied) = await connection.QuerySingleAsync<(long Busy, long Frames, long Copied)>(
                        new CommandDefinition("PRAGMA wal_checkpoint(PASSIVE)", cancellationToken: cancellationToken));
                    if (copied == frames && WalFileBytes() > WalLimitBytes)
                        await TruncateWalAsync(connection, cancellationToken);
                }
                catch (SqliteException)
                {
                    // A busy or locked file now is no reason to stop: the next tick copies what this one could not.
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// A log left over the limit (a burst in one transaction, a long reader that held the copy back) and now wholly copied
    /// is cut to nothing at once rather than at SQLite's next restart of it. That happens in this process's writer's turn,
    /// and waits only briefly for readers and other processes' writers: a busy hub leaves it to a quieter tick
    /// (https://www.sqlite.org/pragma.html#pragma_wal_checkpoint).
    /// </summary>
    private async Task TruncateWalAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (!await _writer.WaitAsync(0, cancellationToken))
            return;
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"PRAGMA busy_timeout = {TruncateWaitMilliseconds}; PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken: cancellationToken));
        }
        finally
        {
            _writer.Release();
        }
    }

    private long WalFileBytes() => new FileInfo(Path + "-wal") is { Exists: true } wal ? wal.Length : 0;

    internal override async Task<DatabaseSize> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var limit = await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA journal_size_limit", cancellationToken: cancellationToken));
        return new DatabaseSize(Provider, Path, new FileInfo(Path).Length, WalFileBytes(), limit, null);
    }
}
