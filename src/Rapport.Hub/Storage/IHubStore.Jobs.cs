namespace Rapport.Hub.Storage;

/// <summary>The jobs that must run in one process at a time against a hub, however many processes use it.</summary>
public enum HubJob
{
    /// <summary>The import and the reconciliation sweep: they write the same records through the same checkpoints.</summary>
    IntercomSync = 1,

    /// <summary>The push onto Intercom: two at once would plan the same changes and write each of them twice.</summary>
    IntercomPush = 2,

    /// <summary>Applying Segment's inbox: in arrival order, by one applier, or a track could overtake the group that places its user.</summary>
    SegmentInbox = 3,
}

public partial interface IHubStore
{
    /// <summary>
    /// Holds <paramref name="job"/> for this process until the returned handle is disposed, or returns null at once when
    /// another holder has it: another <c>rapport serve</c> node on the same PostgreSQL, or a CLI run on the same hub. The
    /// hold dies with its process (the server drops a dead session's advisory lock, the operating system a dead process's
    /// file lock), so a crash never leaves a job locked. Within one process, a second hold of the same job is refused too.
    /// </summary>
    Task<IJobHold?> TryHoldJobAsync(HubJob job, CancellationToken cancellationToken = default);
}

/// <summary>A job this process holds (<see cref="IHubStore.TryHoldJobAsync"/>); disposing it lets the job go.</summary>
public interface IJobHold : IAsyncDisposable
{
    /// <summary>
    /// False once the hold was lost without being let go (its PostgreSQL session died with the server or the network),
    /// when another process may hold the job: a long-running holder asks before each pass.
    /// </summary>
    Task<bool> IsHeldAsync(CancellationToken cancellationToken = default);
}
