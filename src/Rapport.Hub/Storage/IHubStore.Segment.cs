using Rapport.Hub.Events;
using Rapport.Hub.Segment;
using Rapport.Hub.Sources;

namespace Rapport.Hub.Storage;

/// <summary>Segment as a second source: its durable inbox, anonymous calls kept aside, and events attached to accounts.</summary>
public partial interface IHubStore
{
    /// <summary>Stores accepted calls in one transaction (one multi-row statement per chunk): once this returns they are durable.</summary>
    Task AppendSegmentMessagesAsync(IReadOnlyList<SegmentInboxMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>The oldest calls not applied yet, in arrival order.</summary>
    Task<IReadOnlyList<PendingSegmentMessage>> ReadPendingSegmentMessagesAsync(int limit, CancellationToken cancellationToken = default);

    Task MarkSegmentMessagesAppliedAsync(IReadOnlyList<(long Id, string Outcome)> outcomes, CancellationToken cancellationToken = default);

    Task<SegmentInboxCounts> CountSegmentInboxAsync(CancellationToken cancellationToken = default);

    /// <summary>A mirrored contact as last written, with every company link; null when the mirror does not have it.</summary>
    Task<SourceContact?> FindSourceContactAsync(string source, string sourceId, CancellationToken cancellationToken = default);

    /// <summary>A source company's custom attributes (a Segment group's traits) as last written; null when it has no record.</summary>
    Task<string?> FindSourceCompanyTraitsAsync(string source, string sourceId, CancellationToken cancellationToken = default);

    /// <summary>Keeps an anonymous-only call aside until an identify links its anonymous id to a user.</summary>
    Task KeepAnonymousAsync(string anonymousId, string body, CancellationToken cancellationToken = default);

    /// <summary>The calls kept aside for <paramref name="anonymousId"/> and not attached yet, oldest first.</summary>
    Task<IReadOnlyList<(long Id, string Body)>> ListAnonymousAsync(string anonymousId, CancellationToken cancellationToken = default);

    /// <summary>Marks kept calls attached to <paramref name="userId"/>, once they are applied: should applying fail, they stay waiting.</summary>
    Task AttachAnonymousAsync(IReadOnlyList<long> ids, string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="RecordEventsAsync"/>, then attaches every stored event to an account: the one with
    /// <c>AccountExternalId</c> when given and known, else the user's most recent account.
    /// </summary>
    Task<IReadOnlyList<EventOutcome>> RecordAccountEventsAsync(
        IReadOnlyList<(SourceEvent Event, string? AccountExternalId)> batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cross-source de-duplication: every event stored after the last pass that has a twin from another source (same user,
    /// same name, occurred within <paramref name="window"/>) stored before it is deleted and counted as folded on its name.
    /// Returns how many were folded.
    /// </summary>
    Task<int> FoldCrossSourceEventsAsync(TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>Event names that more than one source delivers: counted twice while de-duplication is off.</summary>
    Task<IReadOnlyList<(string Name, long Folded)>> ListSharedEventNamesAsync(CancellationToken cancellationToken = default);
}
