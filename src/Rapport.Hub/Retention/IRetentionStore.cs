namespace Rapport.Hub.Retention;

/// <summary>Keeping the database small: applied inbox rows pruned after a while, and what the database takes.</summary>
public interface IRetentionStore
{
    /// <summary>Everything pruned so far, and when the last pass ran (null: never).</summary>
    Task<InboxPruning> CountPrunedAsync(CancellationToken cancellationToken = default);

    /// <summary>The room the hub takes: the SQLite file and its write-ahead log, or the PostgreSQL schema and its database.</summary>
    Task<DatabaseSize> MeasureAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the webhook notifications and Segment calls applied before <paramref name="appliedBefore"/>, a batch per
    /// transaction so writers wait for none of it long; pending, failed, set-aside and discarded ones stay. The inbox
    /// counts go on counting what was deleted, so "received" and "applied" never go down.
    /// </summary>
    Task<InboxPruning> PruneInboxesAsync(DateTimeOffset appliedBefore, CancellationToken cancellationToken = default);
}
