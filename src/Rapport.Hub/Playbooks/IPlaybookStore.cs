using Rapport.Hub.Messaging;
using Rapport.Hub.Users;

namespace Rapport.Hub.Playbooks;

/// <summary>Playbooks, their runs, and the sends they queue.</summary>
public interface IPlaybookStore
{
    /// <summary>Records matches; one already recorded (same playbook, occurrence and user) adds nothing. Returns how many were added.</summary>
    Task<int> AddPlaybookRunsAsync(IReadOnlyList<PlaybookRunRequest> runs, CancellationToken cancellationToken = default);

    /// <summary>How many sends the playbook queued for the user since <paramref name="since"/>: its frequency cap's count.</summary>
    Task<int> CountPlaybookSendsAsync(long playbookId, UserId userId, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Deletes the playbook and its runs; false when there is none.</summary>
    Task<bool> DeletePlaybookAsync(long id, CancellationToken cancellationToken = default);

    Task<Playbook?> GetPlaybookAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The run whose send this is; null for a send no playbook queued.</summary>
    Task<PlaybookRun?> GetPlaybookRunBySendAsync(long sendId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives back a claimed send untried, not claimable before <paramref name="until"/>, and tells its run why it waits; false
    /// when the send is no longer being sent.
    /// </summary>
    Task<bool> HoldPlaybookSendAsync(long sendId, DateTimeOffset until, string reason, CancellationToken cancellationToken = default);

    /// <summary>Pending runs, and deferred ones whose time has come, oldest first.</summary>
    Task<IReadOnlyList<PlaybookRun>> ListDuePlaybookRunsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>The playbook's runs, newest first, each with its Intercom id once its send left.</summary>
    Task<IReadOnlyList<PlaybookRun>> ListPlaybookRunsAsync(long playbookId, int limit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Playbook>> ListPlaybooksAsync(CancellationToken cancellationToken = default);

    Task<long> MaxEventIdAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues the run's send and records the run as queued with it, in one transaction, so the audit and the frequency cap
    /// never disagree with the queue whatever fails in between. Null, with nothing queued, when the run is no longer pending
    /// or deferred (handled meanwhile, or deleted with its playbook).
    /// </summary>
    Task<OutboundSend?> QueuePlaybookSendAsync(long runId, OutboundRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the playbook's deferred runs due now, and its sends held for quiet hours sendable now, each to be checked again
    /// under its new settings (other quiet hours, or turned off); returns how many runs and sends that released.
    /// </summary>
    Task<int> ReleaseDeferredPlaybookRunsAsync(long playbookId, CancellationToken cancellationToken = default);

    /// <summary>Adds <paramref name="playbook"/> (id 0) or replaces the one with its id; null when that id does not exist.</summary>
    Task<Playbook?> SavePlaybookAsync(Playbook playbook, CancellationToken cancellationToken = default);

    Task SetPlaybookEventCursorAsync(long id, long eventCursor, CancellationToken cancellationToken = default);

    Task UpdatePlaybookRunAsync(long id, string status, string? reason, long? sendId, DateTimeOffset? notBefore, CancellationToken cancellationToken = default);

    /// <summary>Stored events named <paramref name="name"/> with an id above <paramref name="afterId"/>: (event id, user id), ascending.</summary>
    Task<IReadOnlyList<(long EventId, long UserId)>> ListEventsAfterAsync(string name, long afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Active users whose Intercom contact was last seen before <paramref name="before"/>: (user id, last seen), by id. With
    /// <paramref name="withoutRunOf"/>, only those that playbook has no run for since they were last seen: a pass reads who is
    /// newly away, however many have long been away.
    /// </summary>
    Task<IReadOnlyList<(long UserId, DateTimeOffset LastSeen)>> ListUsersLastSeenBeforeAsync(
        DateTimeOffset before, int limit, long? withoutRunOf = null, CancellationToken cancellationToken = default);
}
