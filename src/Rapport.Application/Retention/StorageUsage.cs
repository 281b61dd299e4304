using Rapport.Hub.Retention;

namespace Rapport.Application.Retention;

/// <summary>The database's size and what the retention pass has pruned, as the settings overview shows them.</summary>
public sealed class StorageUsage(IRetentionStore store)
{
    private readonly IRetentionStore _store = store;

    public Task<DatabaseSize> MeasureAsync(CancellationToken cancellationToken = default) => _store.MeasureAsync(cancellationToken);

    public Task<InboxPruning> CountPrunedAsync(CancellationToken cancellationToken = default) => _store.CountPrunedAsync(cancellationToken);
}
