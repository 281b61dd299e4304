using Rapport.Hub.Events;

namespace Rapport.Hub.Segment;

/// <summary>Segment's inbox: calls appended as received and applied in arrival order, anonymous calls kept aside, and calls
/// that fail set aside so the inbox goes on without them.</summary>
public interface ISegmentStore
{
    /// <summary>Stores accepted calls in one transaction (one multi-row statement per chunk): once this returns they are durable.</summary>
    Task AppendSegmentMessagesAsync(IReadOnlyList<SegmentInboxMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>Marks kept calls attached to <paramref name="userId"/>, once they are applied: should applying fail, they stay waiting.</summary>
    Task AttachAnonymousAsync(IReadOnlyList<long> ids, string userId, CancellationToken cancellationToken = default);

    Task<SegmentInboxCounts> CountSegmentInboxAsync(CancellationToken cancellationToken = default);

    /// <summary>Keeps an anonymous-only call aside until an identify links its anonymous id to a user.</summary>
    Task KeepAnonymousAsync(string anonymousId, string body, CancellationToken cancellationToken = default);

    /// <summary>The calls kept aside for <paramref name="anonymousId"/> and not attached yet, oldest first.</summary>
    Task<IReadOnlyList<(long Id, string Body)>> ListAnonymousAsync(string anonymousId, CancellationToken cancellationToken = default);

    Task MarkSegmentMessagesAppliedAsync(IReadOnlyList<(long Id, string Outcome)> outcomes, CancellationToken cancellationToken = default);

    /// <summary>The oldest calls not applied yet, in arrival order.</summary>
    Task<IReadOnlyList<PendingSegmentMessage>> ReadPendingSegmentMessagesAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="RecordEventsAsync"/>, then attaches every stored event to an account: the one with
    /// <c>AccountExternalId</c> when given and known, else the user's most recent account.
    /// </summary>
    Task<IReadOnlyList<EventOutcome>> RecordAccountEventsAsync(
        IReadOnlyList<(SourceEvent Event, string? AccountExternalId)> batch, CancellationToken cancellationToken = default);

    /// <summary>Gives up on a set-aside call for good: it stays stored as discarded, never applied. False if it is not set aside.</summary>
    Task<bool> DiscardSetAsideSegmentMessageAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The calls set aside and not discarded, in arrival order.</summary>
    Task<IReadOnlyList<SetAsideSegmentMessage>> ListSetAsideSegmentMessagesAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts a failed attempt with its error. With <paramref name="retryAt"/> the call stays pending and is not tried
    /// before then; without, it is set aside: no longer pending, listed until retried or discarded.
    /// </summary>
    Task MarkSegmentMessageFailedAsync(long id, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts set-aside calls back in the inbox with their attempts reset: one (<paramref name="id"/>) or, when null, all.
    /// They keep their place in arrival order. Returns how many went back.
    /// </summary>
    Task<int> RetrySetAsideSegmentMessagesAsync(long? id, CancellationToken cancellationToken = default);
}
