using Rapport.Hub.Webhooks;
using Rapport.Application.Background;

namespace Rapport.Application.Webhooks;

/// <summary>The webhook endpoint's group commit: a notification is answered once its inbox row is committed.</summary>
public sealed class InboxAppender(IWebhookInboxStore store, WebhookInboxSignal signal)
    : GroupCommit<InboxNotification, bool>(MaxBatch, "webhook inbox")
{
    private const int MaxBatch = 256;

    /// <summary>True once committed, false when the notification was already there; throws when the commit failed.</summary>
    public Task<bool> AppendAsync(InboxNotification notification, CancellationToken cancellationToken) =>
        SubmitAsync(notification, cancellationToken);

    protected override async Task<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<InboxNotification> notifications, CancellationToken cancellationToken)
    {
        // The same id twice in one batch: the second is a redelivery, as it would be in the next batch.
        var results = await store.AppendToInboxAsync(notifications, cancellationToken);
        if (results.Any(stored => stored))
            signal.Wake();
        return results;
    }
}
