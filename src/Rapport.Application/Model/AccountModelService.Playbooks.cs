using Rapport.Hub.Model;
using Rapport.Hub.Playbooks;
using Rapport.Application.Playbooks;
using Rapport.Hub.Accounts;

namespace Rapport.Application.Model;

public sealed partial class AccountModelService
{
    /// <summary>
    /// Records what the new states set off for enabled playbooks (segment entered or left, indicator on, metric crossed) as
    /// runs for each of the account's users, before the states are saved: a crash in between recomputes and records again,
    /// and the run's occurrence key keeps it once.
    /// </summary>
    private async Task RecordPlaybookTransitionsAsync(
        IReadOnlyDictionary<long, AccountState> previous, IReadOnlyList<AccountState> states, CancellationToken cancellationToken)
    {
        var playbooks = (await playbookStore.ListPlaybooksAsync(cancellationToken).ConfigureAwait(false))
            .Where(p => p.Enabled && p.Trigger.Kind is PlaybookTriggers.SegmentEntered or PlaybookTriggers.SegmentLeft
                or PlaybookTriggers.IndicatorOn or PlaybookTriggers.MetricCrossed)
            .ToList();
        if (playbooks.Count == 0)
            return;
        var runs = new List<PlaybookRunRequest>();
        foreach (var state in states)
        {
            var before = previous.GetValueOrDefault(state.AccountId.Value);
            var matched = playbooks.Select(p => (Playbook: p, Key: PlaybookTransitions.Occurrence(p.Trigger, before, state))).Where(m => m.Key is not null).ToList();
            if (matched.Count == 0)
                continue;
            var account = await browseStore.GetAccountAsync(state.AccountId, 1000, cancellationToken).ConfigureAwait(false);
            foreach (var (playbook, key) in matched)
            {
                var users = account?.Users.Where(u => u.Status == Hub.Accounts.RecordStatus.Active).Select(u => u.Id.Value).ToList() ?? [];
                // A reply or note goes once on the account's conversation: its first user stands for the account.
                foreach (var userId in PlaybookActions.OnConversation(playbook.Action) ? users.Take(1) : users)
                    runs.Add(new PlaybookRunRequest(playbook.Id, $"{key}:account-{state.AccountId.Value}", userId, state.AccountId.Value));
            }
        }

        if (runs.Count > 0)
            await playbookStore.AddPlaybookRunsAsync(runs, cancellationToken).ConfigureAwait(false);
    }
}
