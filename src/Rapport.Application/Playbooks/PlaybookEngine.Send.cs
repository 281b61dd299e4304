using Rapport.Hub.Messaging;
using Rapport.Hub.Playbooks;
using Rapport.Application.Messaging;

namespace Rapport.Application.Playbooks;

public sealed partial class PlaybookEngine
{
    private async Task HandleAsync(PlaybookRun run, CancellationToken cancellationToken)
    {
        var (status, reason, notBefore, send) = await DecideAsync(run, cancellationToken);
        if (send is null)
            await playbookStore.UpdatePlaybookRunAsync(run.Id, status, reason, null, notBefore, cancellationToken);
        // One transaction: a crash can leave neither a send the cap does not count nor a run counted with nothing sent.
        else if (await playbookStore.QueuePlaybookSendAsync(run.Id, send, cancellationToken) is not null)
            signal.Wake();
    }

    private async Task<(string Status, string? Reason, DateTimeOffset? NotBefore, OutboundRequest? Send)> DecideAsync(PlaybookRun run, CancellationToken cancellationToken)
    {
        var playbook = await playbookStore.GetPlaybookAsync(run.PlaybookId, cancellationToken);
        if (playbook is not { Enabled: true })
            return Skip("The playbook was disabled before this was sent.");
        if (await accounts.GetUserAsync(run.UserId, cancellationToken) is not { } user)
            return Skip($"There is no user with id {run.UserId} any more.");
        var contact = user.Sources.FirstOrDefault(s => s.Source == IntercomSource.Name);
        var now = timeProvider.GetUtcNow();
        var zone = QuietHours.ZoneOf(contact?.RawJson, playbook.TimeZone);
        if (QuietHours.DeferUntil(now, playbook.QuietStart, playbook.QuietEnd, zone) is { } until)
            return (PlaybookRunStatuses.Deferred, $"Quiet hours in {zone.Id}: sent after {QuietHours.Utc(until)}.", until, null);
        var sent = await playbookStore.CountPlaybookSendsAsync(playbook.Id, user.Id, now.AddDays(-playbook.CapDays), cancellationToken);
        if (sent >= playbook.CapCount)
            return Skip($"Frequency cap: already {sent} send{(sent == 1 ? "" : "s")} to this user in {playbook.CapDays} day{(playbook.CapDays == 1 ? "" : "s")} (at most {playbook.CapCount}).");
        var (subject, body) = await PlaybookMessage.RenderAsync(teamStore, playbook, user, cancellationToken);
        var who = user.Name ?? user.Email ?? user.ExternalId;
        if (body is null)
            return Skip($"The message renders empty for {who}: not sent blank.");
        if (playbook.DryRun)
            return (PlaybookRunStatuses.DryRun, $"Would send to {who}: {(subject is null ? "" : $"[{subject}] ")}{body}", null, null);
        var seat = await seats.CheckAsync(playbook.SenderTeammateId, cancellationToken);
        if (!seat.CanSend)
            return Skip($"The sender cannot send: {seat.Reason}");

        var key = $"playbook:{playbook.Id}:{run.OccurrenceKey}:user-{run.UserId}";
        OutboundRequest request;
        if (PlaybookActions.OnConversation(playbook.Action))
        {
            var accountExternalId = run.AccountId is { } accountId
                ? (await accounts.GetAccountAsync(accountId, 1, cancellationToken))?.ExternalId
                : user.Accounts.FirstOrDefault()?.ExternalId;
            var open = accountExternalId is null ? null
                : (await conversationStore.ListAccountConversationsAsync(accountExternalId, 50, cancellationToken)).FirstOrDefault(c => c.State == "open" && c.DeletedAt is null);
            if (open is null)
                return Skip("The account has no open conversation to add to.");
            request = new OutboundRequest(key, playbook.Action == PlaybookActions.Note ? OutboundKinds.Note : OutboundKinds.Reply, playbook.SenderTeammateId,
                seat.Admin!.Id, open.SourceId, null, user.ExternalId, null, null, body, []);
        }
        else
        {
            if (contact is null)
                return Skip($"{who} has no Intercom contact: Intercom cannot message them.");
            if (OutboundText.Problems(OutboundKinds.Message, playbook.Action, subject, body, [], false) is [var (field, problem), ..])
                return Skip($"{field}: {problem}");
            request = new OutboundRequest(key, OutboundKinds.Message, playbook.SenderTeammateId, seat.Admin!.Id, null, contact.SourceId,
                user.ExternalId, playbook.Action, playbook.Action == PlaybookActions.Email ? subject?.Trim() : null, body.Trim(), []);
        }

        return (PlaybookRunStatuses.Queued, null, null, request);
    }

    private static (string, string?, DateTimeOffset?, OutboundRequest?) Skip(string reason) => (PlaybookRunStatuses.Skipped, reason, null, null);
}
