using Rapport.Hub.Webhooks;

namespace Rapport.Hub.Storage;

public partial interface IHubStore
{
    /// <summary>
    /// The webhook worker's lag: notifications applied since <paramref name="appliedSince"/>, the arrival of the oldest one
    /// still waiting (never failed), and the arrival and application times of the last one applied.
    /// </summary>
    Task<InboxLag> MeasureInboxLagAsync(DateTimeOffset appliedSince, CancellationToken cancellationToken = default);
}
