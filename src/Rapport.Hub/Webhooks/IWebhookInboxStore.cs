namespace Rapport.Hub.Webhooks;

/// <summary>The durable webhook inbox: notifications are appended as received (once per notification id) and drained in
/// received order by workers that may run on several nodes at once.</summary>
public interface IWebhookInboxStore
{
    /// <summary>Stores a notification once it is committed; false when one with the same id is already there (a redelivery).</summary>
    Task<bool> AppendToInboxAsync(InboxNotification notification, CancellationToken cancellationToken = default);

    /// <summary>Stores a batch in one transaction (a group commit: one disk sync for many requests); per notification, as
    /// <see cref="AppendToInboxAsync(InboxNotification, CancellationToken)"/> answers.</summary>
    Task<IReadOnlyList<bool>> AppendToInboxAsync(IReadOnlyList<InboxNotification> notifications, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes up to <paramref name="limit"/> pending notifications in received order and leases them for <paramref name="lease"/>:
    /// no other worker gets them until the lease ends (a crashed worker's rows come back then). Each claim counts an attempt;
    /// rows that have had <paramref name="maxAttempts"/> are left alone.
    /// </summary>
    Task<IReadOnlyList<InboxItem>> ClaimInboxAsync(int limit, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken = default);

    Task<InboxCounts> CountInboxAsync(CancellationToken cancellationToken = default);

    /// <summary>Done with: <paramref name="outcome"/> says what applying it did ("applied", "older than stored", "not handled yet", …).</summary>
    Task MarkInboxAppliedAsync(long id, string outcome, CancellationToken cancellationToken = default);

    /// <summary>Several at once, in one transaction.</summary>
    Task MarkInboxAppliedAsync(IReadOnlyList<(long Id, string Outcome)> outcomes, CancellationToken cancellationToken = default);

    /// <summary>Applying failed: the error is kept, and the row is claimable again after <paramref name="retryAfter"/>.</summary>
    Task MarkInboxFailedAsync(long id, string error, TimeSpan retryAfter, CancellationToken cancellationToken = default);

    /// <summary>
    /// The webhook worker's lag: notifications applied since <paramref name="appliedSince"/>, the arrival of the oldest one
    /// still waiting (never failed), and the arrival and application times of the last one applied.
    /// </summary>
    Task<InboxLag> MeasureInboxLagAsync(DateTimeOffset appliedSince, CancellationToken cancellationToken = default);
}
