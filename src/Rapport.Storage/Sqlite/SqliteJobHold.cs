
using Rapport.Hub.Sync;

namespace Rapport.Storage.Sqlite;

/// <summary>
/// A job held on a SQLite hub: an exclusive lock on a file beside the database (<c>rapport.db.intercompush.lock</c>).
/// Every process that opens the hub runs on this machine, and .NET takes <see cref="FileShare.None"/> on Unix as an
/// <c>flock</c>, which the kernel drops when the process dies. The file stays (empty); only its lock matters.
/// </summary>
internal sealed class SqliteJobHold(FileStream file) : IJobHold
{
    public static IJobHold? TryHold(string databasePath, HubJob job)
    {
        var path = $"{databasePath}.{job.ToString().ToLowerInvariant()}.lock";
        try
        {
            return new SqliteJobHold(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Held by another process or another hold in this one.
            return null;
        }
    }

    /// <summary>A file lock lasts as long as its open file, which only disposing closes.</summary>
    public Task<bool> IsHeldAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    public ValueTask DisposeAsync() => file.DisposeAsync();
}
