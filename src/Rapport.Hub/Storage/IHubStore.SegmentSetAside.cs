using Rapport.Hub.Segment;

namespace Rapport.Hub.Storage;

/// <summary>Segment calls that fail when applied: their attempts, and those set aside so the inbox goes on without them.</summary>
public partial interface IHubStore
{
    /// <summary>
    /// Counts a failed attempt with its error. With <paramref name="retryAt"/> the call stays pending and is not tried
    /// before then; without, it is set aside: no longer pending, listed until retried or discarded.
    /// </summary>
    Task MarkSegmentMessageFailedAsync(long id, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken = default);

    /// <summary>The calls set aside and not discarded, in arrival order.</summary>
    Task<IReadOnlyList<SetAsideSegmentMessage>> ListSetAsideSegmentMessagesAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts set-aside calls back in the inbox with their attempts reset: one (<paramref name="id"/>) or, when null, all.
    /// They keep their place in arrival order. Returns how many went back.
    /// </summary>
    Task<int> RetrySetAsideSegmentMessagesAsync(long? id, CancellationToken cancellationToken = default);

    /// <summary>Gives up on a set-aside call for good: it stays stored as discarded, never applied. False if it is not set aside.</summary>
    Task<bool> DiscardSetAsideSegmentMessageAsync(long id, CancellationToken cancellationToken = default);
}
