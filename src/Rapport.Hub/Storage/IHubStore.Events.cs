using Rapport.Hub.Events;

namespace Rapport.Hub.Storage;

/// <summary>Data events attached to hub users, and the catalog of event names with their Tracked/Ignored status.</summary>
public partial interface IHubStore
{
    /// <summary>
    /// Keeps a batch in one transaction: every name gets its catalog row (a new one tracked) and its first/last seen;
    /// an event of an ignored name is dropped and counted; one of a user the hub does not have is counted and not stored;
    /// the rest are stored once (a redelivered event stores nothing). One outcome per event, in batch order.
    /// </summary>
    Task<IReadOnlyList<EventOutcome>> RecordEventsAsync(IReadOnlyList<SourceEvent> batch, CancellationToken cancellationToken = default);

    /// <summary>Every event name of <paramref name="source"/>, by name.</summary>
    Task<IReadOnlyList<EventName>> ListEventNamesAsync(string source, CancellationToken cancellationToken = default);

    Task<EventName?> FindEventNameAsync(string source, string name, CancellationToken cancellationToken = default);

    /// <summary>Sets a name's status, recording who and when; null when the name was never seen.</summary>
    Task<EventName?> SetEventStatusAsync(
        string source, string name, EventStatus status, string changedBy, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes every stored event of an ignored name, keeping the name's row and counts (the deleted ones are counted as
    /// purged). Null when the name was never seen or is tracked: only what is no longer wanted can be purged.
    /// </summary>
    Task<int?> PurgeEventsAsync(string source, string name, CancellationToken cancellationToken = default);

    /// <summary>A user's events, newest first.</summary>
    Task<IReadOnlyList<StoredEvent>> ListUserEventsAsync(long userId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// An account's events, newest first, counted as the account model counts them: those that name this account
    /// (events.account_id), and those of its users that name no account.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ListAccountEventsAsync(long accountId, int limit, CancellationToken cancellationToken = default);
}
