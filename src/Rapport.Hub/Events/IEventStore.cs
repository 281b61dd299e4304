using Rapport.Hub.Accounts;
using Rapport.Hub.Users;

namespace Rapport.Hub.Events;

/// <summary>Data events attached to hub users, and the catalog of event names with their Tracked/Ignored status, one per name
/// for every source; events that several sources deliver are folded into one.</summary>
public interface IEventStore
{
    /// <summary>A name as <see cref="ListEventNamesAsync"/> lists it; null when no source has delivered it.</summary>
    Task<EventName?> FindEventNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// An account's events, newest first, counted as the account model counts them: those that name this account
    /// (events.account_id), and those of its users that name no account.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ListAccountEventsAsync(AccountId accountId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Every event name, whichever sources delivered it, by name: one list, each name with its sources.</summary>
    Task<IReadOnlyList<EventName>> ListEventNamesAsync(CancellationToken cancellationToken = default);

    /// <summary>A user's events, newest first.</summary>
    Task<IReadOnlyList<StoredEvent>> ListUserEventsAsync(UserId userId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes every stored event of an ignored name, from every source, keeping the name's rows and counts (the deleted
    /// ones are counted as purged). Null when the name was never seen or is tracked: only what is no longer wanted can be purged.
    /// </summary>
    Task<int?> PurgeEventsAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps a batch in one transaction: every name gets its catalog row for its source and its first/last seen; an event
    /// of an ignored name is dropped and counted, whichever source delivers it; one of a user the hub does not have is
    /// counted and not stored; the rest are stored once (a redelivered event stores nothing). One outcome per event, in
    /// batch order.
    /// </summary>
    Task<IReadOnlyList<EventOutcome>> RecordEventsAsync(IReadOnlyList<SourceEvent> batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets a name's status for every source, recording who and when: an ignored name is dropped whichever source delivers
    /// it, one that delivers it only later included. Null when no source has delivered the name.
    /// </summary>
    Task<EventName?> SetEventStatusAsync(string name, EventStatus status, string changedBy, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cross-source de-duplication: every event stored after the last pass that has a twin from another source (same user,
    /// same name, occurred within <paramref name="window"/>) stored before it is deleted and counted as folded on its name.
    /// Returns how many were folded.
    /// </summary>
    Task<int> FoldCrossSourceEventsAsync(TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>Event names that more than one source delivers: counted twice while de-duplication is off.</summary>
    Task<IReadOnlyList<(string Name, long Folded)>> ListSharedEventNamesAsync(CancellationToken cancellationToken = default);
}
