using Rapport.Application.Accounts;
using Rapport.Hub.Playbooks;
using Rapport.Hub.Team;
using Rapport.Hub.Accounts;
using Rapport.Hub.Conversations;

namespace Rapport.Application.Playbooks;

/// <summary>
/// Turns trigger occurrences into runs and runs into sends. Account transitions are recorded where the model writes states
/// (<c>AccountModelService</c>); stored events are read here after each playbook's cursor; "last seen" is a periodic pass.
/// Every run is then checked at send time — playbook still enabled, quiet hours, frequency cap, template not empty for the
/// user, sender's seat — and queued on the durable outbound queue with a key per playbook, occurrence and user.
/// </summary>
public sealed partial class PlaybookEngine(
    AccountDirectory accounts, IConversationStore conversationStore, IPlaybookStore playbookStore, ITeamStore teamStore, Messaging.MessagingSeats seats, Messaging.OutboundSignal signal, TimeProvider timeProvider)
{
    private static readonly TimeSpan LastSeenEvery = TimeSpan.FromMinutes(1);
    private const int LastSeenPage = 1000;
    private DateTimeOffset _lastSeenPass = DateTimeOffset.MinValue;

    /// <summary>One pass: new occurrences recorded, due runs handled. Returns how many runs it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var playbooks = await playbookStore.ListPlaybooksAsync(cancellationToken);
        await RecordEventsAsync(playbooks, cancellationToken);
        // Every minute, and at once after a last-seen playbook was saved or turned on, so its first matches do not wait.
        if (timeProvider.GetUtcNow() - _lastSeenPass >= LastSeenEvery
            || playbooks.Any(p => p.Trigger.Kind == PlaybookTriggers.LastSeen && p.UpdatedAt > _lastSeenPass))
        {
            await RecordLastSeenAsync(playbooks, cancellationToken);
            _lastSeenPass = timeProvider.GetUtcNow();
        }

        var handled = 0;
        while (await playbookStore.ListDuePlaybookRunsAsync(timeProvider.GetUtcNow(), 100, cancellationToken) is { Count: > 0 } due)
        {
            foreach (var run in due)
                await HandleAsync(run, cancellationToken);
            handled += due.Count;
        }

        return handled;
    }

    private async Task RecordEventsAsync(IReadOnlyList<Playbook> playbooks, CancellationToken cancellationToken)
    {
        foreach (var playbook in playbooks.Where(p => p.Trigger.Kind == PlaybookTriggers.Event && p.Trigger.Name is not null))
        {
            var cursor = playbook.EventCursor;
            while (await playbookStore.ListEventsAfterAsync(playbook.Trigger.Name!, cursor, 500, cancellationToken) is { Count: > 0 } events)
            {
                // A disabled playbook lets events pass: turning it on later does not replay them.
                if (playbook.Enabled)
                    await playbookStore.AddPlaybookRunsAsync([.. events.Select(e => new PlaybookRunRequest(playbook.Id, $"event:{e.EventId}", e.UserId, null))], cancellationToken);
                cursor = events[^1].EventId;
                await playbookStore.SetPlaybookEventCursorAsync(playbook.Id, cursor, cancellationToken);
            }
        }
    }

    private async Task RecordLastSeenAsync(IReadOnlyList<Playbook> playbooks, CancellationToken cancellationToken)
    {
        foreach (var playbook in playbooks.Where(p => p.Enabled && p.Trigger is { Kind: PlaybookTriggers.LastSeen, Days: > 0 }))
        {
            var before = timeProvider.GetUtcNow().AddDays(-playbook.Trigger.Days!.Value);
            // Only users newly away are read, a page at a time until none is left (or a page adds nothing, so it never spins).
            while (await playbookStore.ListUsersLastSeenBeforeAsync(before, LastSeenPage, playbook.Id, cancellationToken) is { Count: > 0 } away)
            {
                // One occurrence per absence: the same last-seen moment never fires twice; seen again and gone again fires anew.
                var added = await playbookStore.AddPlaybookRunsAsync(
                    [.. away.Select(u => new PlaybookRunRequest(playbook.Id, $"last-seen:{u.LastSeen.ToUnixTimeSeconds()}", u.UserId, null))], cancellationToken);
                if (added == 0 || away.Count < LastSeenPage)
                    break;
            }
        }
    }
}
