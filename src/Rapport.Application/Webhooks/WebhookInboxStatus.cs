using Rapport.Hub.Webhooks;

namespace Rapport.Application.Webhooks;

/// <summary>How the webhook inbox is doing, for the integration pages and the sync's health: its counts and its lag.</summary>
public sealed class WebhookInboxStatus(IWebhookInboxStore store)
{
    private readonly IWebhookInboxStore _store = store;

    public Task<InboxCounts> CountAsync(CancellationToken cancellationToken = default) => _store.CountInboxAsync(cancellationToken);

    /// <summary>How long notifications applied since <paramref name="appliedSince"/> waited in the inbox.</summary>
    public Task<InboxLag> MeasureLagAsync(DateTimeOffset appliedSince, CancellationToken cancellationToken = default) =>
        _store.MeasureInboxLagAsync(appliedSince, cancellationToken);
}
