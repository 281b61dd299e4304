using Rapport.Application.Accounts;
using Rapport.Hub.Playbooks;
using Rapport.Application.Messaging;
using Rapport.Application.Model;
using Rapport.Application.Playbooks;
using Rapport.Hub.Accounts;
using Rapport.Hub.Events;
using Rapport.Hub.Model;
using Rapport.Hub.Team;

namespace Rapport.Web.Playbooks;

/// <summary>What saving came to: the playbook, or the problems (each naming its field) and nothing saved.</summary>
internal sealed record PlaybookSaveOutcome(Playbook? Playbook, IReadOnlyList<(string Field, string Message)> Problems, bool NotFound = false);

/// <summary>Saves playbooks once they validate against the model, the event catalog and the sender's seat.</summary>
internal sealed partial class PlaybookService(
    AccountDirectory accounts, IEventStore eventStore, IModelStore modelStore, IPlaybookStore playbookStore, ITeamStore teamStore, AccountModelService model, MessagingSeats seats, Audit.IAuditLog audit, TimeProvider timeProvider)
{
    public async Task<PlaybookSaveOutcome> SaveAsync(long id, PlaybookInput input, CancellationToken cancellationToken)
    {
        var previous = id == 0 ? null : await playbookStore.GetPlaybookAsync(id, cancellationToken);
        if (id != 0 && previous is null)
            return new(null, [], NotFound: true);
        var (playbook, readProblems) = input.ToPlaybook(id);
        if (playbook is null)
            return new(null, readProblems);
        var problems = await ProblemsAsync(playbook, cancellationToken);
        if (problems.Count > 0)
            return new(null, problems);
        // Events stored before the playbook existed (or before its event changed) are history, not triggers.
        var cursor = previous is not null && previous.Trigger == playbook.Trigger ? previous.EventCursor : await playbookStore.MaxEventIdAsync(cancellationToken);
        var saved = await playbookStore.SavePlaybookAsync(playbook with { EventCursor = cursor }, cancellationToken);
        if (saved is not null && previous is not null && cursor != previous.EventCursor)
            await playbookStore.SetPlaybookEventCursorAsync(saved.Id, cursor, cancellationToken);
        if (saved is not null)
            await playbookStore.ReleaseDeferredPlaybookRunsAsync(saved.Id, cancellationToken);
        return new(saved, []);
    }

    /// <summary>Turns a playbook on or off; a run already queued for it is re-checked before it is sent.</summary>
    public async Task<Playbook?> SetEnabledAsync(long id, bool enabled, CancellationToken cancellationToken)
    {
        if (await playbookStore.GetPlaybookAsync(id, cancellationToken) is not { } playbook)
            return null;
        var saved = await playbookStore.SavePlaybookAsync(playbook with { Enabled = enabled }, cancellationToken);
        // Runs waiting out quiet hours are settled now: skipped when it was turned off.
        await playbookStore.ReleaseDeferredPlaybookRunsAsync(id, cancellationToken);
        await audit.RecordAsync(enabled ? Audit.AuditActions.PlaybookEnabled : Audit.AuditActions.PlaybookDisabled, playbook.Name);
        return saved;
    }

    public async Task<IReadOnlyList<(string Field, string Message)>> ProblemsAsync(Playbook playbook, CancellationToken cancellationToken)
    {
        var (_, loaded) = await model.LoadAsync(cancellationToken);
        var events = await TrackedEventNamesAsync(cancellationToken);
        var seat = await seats.CheckAsync(playbook.SenderTeammateId, cancellationToken);
        return PlaybookValidator.Problems(playbook, loaded?.Model, events, seat);
    }
}
