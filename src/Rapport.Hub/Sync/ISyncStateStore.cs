namespace Rapport.Hub.Sync;

/// <summary>What the sync engines keep between runs: checkpoints and settings (<c>sync_state</c>), the record of import runs,
/// and the holds that keep a job to one process at a time.</summary>
public interface ISyncStateStore
{
    Task<string?> GetSyncStateAsync(string key, CancellationToken cancellationToken = default);

    Task SetSyncStateAsync(string key, string? value, CancellationToken cancellationToken = default);

    Task RecordImportRunAsync(ImportRunRecord run, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ImportRunRecord>> ListImportRunsAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Holds <paramref name="job"/> for this process until the returned handle is disposed, or returns null at once when
    /// another holder has it: another <c>rapport serve</c> node on the same PostgreSQL, or a CLI run on the same hub. The
    /// hold dies with its process (the server drops a dead session's advisory lock, the operating system a dead process's
    /// file lock), so a crash never leaves a job locked. Within one process, a second hold of the same job is refused too.
    /// </summary>
    Task<IJobHold?> TryHoldJobAsync(HubJob job, CancellationToken cancellationToken = default);
}
