namespace Rapport.Hub.Sync;

/// <summary>A job this process holds (<see cref="ISyncStateStore.TryHoldJobAsync"/>); disposing it lets the job go.</summary>
public interface IJobHold : IAsyncDisposable
{
    /// <summary>
    /// False once the hold was lost without being let go (its PostgreSQL session died with the server or the network),
    /// when another process may hold the job: a long-running holder asks before each pass.
    /// </summary>
    Task<bool> IsHeldAsync(CancellationToken cancellationToken = default);
}
