using Rapport.Intercom.Webhooks;

namespace Rapport.Sync.Webhooks;

public sealed partial class IntercomWebhookApplier
{
    /// <summary>The <c>conversation.*</c> topics. Returns Wrote = false: a conversation does not change the mirror users derive from.</summary>
    private static Task<(string, bool)> ApplyConversationTopicAsync(
        IntercomNotification notification, WebhookApplyContext context, CancellationToken cancellationToken) =>
        Task.FromResult((NotHandledYet, false));
}
