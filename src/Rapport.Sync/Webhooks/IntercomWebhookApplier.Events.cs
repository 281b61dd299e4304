using Rapport.Intercom.Webhooks;

namespace Rapport.Sync.Webhooks;

public sealed partial class IntercomWebhookApplier
{
    /// <summary>The <c>event.created</c> topic. Returns Wrote = false: an event does not change the mirror users derive from.</summary>
    private static Task<(string, bool)> ApplyEventAsync(
        IntercomNotification notification, WebhookApplyContext context, CancellationToken cancellationToken) =>
        Task.FromResult((NotHandledYet, false));
}
