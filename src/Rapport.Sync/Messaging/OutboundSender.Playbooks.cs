using System.Globalization;
using Rapport.Hub.Messaging;

namespace Rapport.Sync.Messaging;

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
            return false;
        if (await store.GetPlaybookAsync(id, cancellationToken).ConfigureAwait(false) is { Enabled: true })
            return false;
        await store.MarkOutboundFailedAsync(send.Id, "The playbook was disabled before this was sent: nothing was sent.", cancellationToken).ConfigureAwait(false);
        return true;
    }
}
