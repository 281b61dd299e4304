using System.Globalization;
using Rapport.Hub.Messaging;
using Rapport.Application.Playbooks;
using Rapport.Hub.Accounts;
using Rapport.Hub.Conversations;
using Rapport.Hub.Users;
using Rapport.Hub.Playbooks;

namespace Rapport.Application.Messaging;

public sealed partial class OutboundSender
{
    /// <summary>The key prefix of a playbook's sends: <c>playbook:{id}:…</c>.</summary>
    public const string PlaybookKeyPrefix = "playbook:";

    /// <summary>
    /// A playbook's send whose playbook was disabled (or deleted) after it was queued is not sent: disabling a playbook stops
    /// even what is already on its way.
    /// </summary>
    private async Task<bool> RefuseDisabledPlaybookAsync(OutboundSend send, CancellationToken cancellationToken)
    {
        if (!send.IdempotencyKey.StartsWith(PlaybookKeyPrefix, StringComparison.Ordinal)
            || !long.TryParse(send.IdempotencyKey.AsSpan(PlaybookKeyPrefix.Length).ToString().Split(':')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        if (await playbookStore.GetPlaybookAsync(id, cancellationToken).ConfigureAwait(false) is { Enabled: true })
            return false;
        await outboundStore.MarkOutboundFailedAsync(send.Id, "The playbook was disabled before this was sent: nothing was sent.", cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Quiet hours are checked when the run fires, but a queue that is behind (the rate limit, a restart) may reach the send
    /// only once they have begun: it then goes back to the queue untried until they end, and its run says so in the audit.
    /// </summary>
    private async Task<bool> HoldForQuietHoursAsync(OutboundSend send, CancellationToken cancellationToken)
    {
        if (!send.IdempotencyKey.StartsWith(PlaybookKeyPrefix, StringComparison.Ordinal)
            || await playbookStore.GetPlaybookRunBySendAsync(send.Id, cancellationToken).ConfigureAwait(false) is not { } run
            || await playbookStore.GetPlaybookAsync(run.PlaybookId, cancellationToken).ConfigureAwait(false) is not { } playbook)
        {
            return false;
        }

        var user = await browseStore.GetUserAsync(new UserId(run.UserId), cancellationToken).ConfigureAwait(false);
        var contact = user?.Sources.FirstOrDefault(s => s.Source == IntercomSource.Name);
        var zone = QuietHours.ZoneOf(contact?.RawJson, playbook.TimeZone);
        if (QuietHours.DeferUntil(timeProvider.GetUtcNow(), playbook.QuietStart, playbook.QuietEnd, zone) is not { } until)
            return false;
        return await playbookStore.HoldPlaybookSendAsync(
            send.Id, until, $"Held for quiet hours in {zone.Id} until {QuietHours.Utc(until)}.", cancellationToken).ConfigureAwait(false);
    }
}
