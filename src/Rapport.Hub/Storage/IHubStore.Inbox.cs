using Rapport.Hub.Webhooks;

namespace Rapport.Hub.Storage;

/// <summary>
/// The durable webhook inbox: notifications are appended as received (once per notification id) and drained in received
/// order by workers that may run on several nodes at once.
/// </summary>
public partial interface IHubStore
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

    /// <summary>Done with: <paramref name="outcome"/> says what applying it did ("applied", "older than stored", "not handled yet", …).</summary>
    Task MarkInboxAppliedAsync(long id, string outcome, CancellationToken cancellationToken = default);

    /// <summary>Several at once, in one transaction.</summary>
    Task MarkInboxAppliedAsync(IReadOnlyList<(long Id, string Outcome)> outcomes, CancellationToken cancellationToken = default);

    /// <summary>Applying failed: the error is kept, and the row is claimable again after <paramref name="retryAfter"/>.</summary>
    Task MarkInboxFailedAsync(long id, string error, TimeSpan retryAfter, CancellationToken cancellationToken = default);

    Task<InboxCounts> CountInboxAsync(CancellationToken cancellationToken = default);

    /// <summary>The <c>updated_at</c> the source gave the company (<paramref name="kind"/> <c>company</c>) or contact (<c>contact</c>) last stored; null when none is stored.</summary>
    Task<DateTimeOffset?> FindSourceUpdatedAtAsync(string source, string kind, string sourceId, CancellationToken cancellationToken = default);

    /// <summary>Whether the company is stored, qualified and its account active: the only way a company shapes memberships.</summary>
    Task<bool> IsSourceCompanyImportedAsync(string source, string sourceId, CancellationToken cancellationToken = default);

    /// <summary>A company deleted in its source: it no longer qualifies, and its account becomes inactive with <paramref name="reason"/> unless another source keeps it. False when the company was never stored.</summary>
    Task<bool> DeactivateSourceCompanyAsync(string source, string sourceId, string reason, CancellationToken cancellationToken = default);
}
