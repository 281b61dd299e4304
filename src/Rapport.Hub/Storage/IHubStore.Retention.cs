namespace Rapport.Hub.Storage;

/// <summary>What the hub keeps and how much room it takes: applied inbox rows are pruned, not kept for ever.</summary>
public partial interface IHubStore
{
    /// <summary>
    /// Deletes the webhook notifications and Segment calls applied before <paramref name="appliedBefore"/>, a batch per
    /// transaction so writers wait for none of it long; pending, failed, set-aside and discarded ones stay. The inbox
    /// counts go on counting what was deleted, so "received" and "applied" never go down.
    /// </summary>
    Task<InboxPruning> PruneInboxesAsync(DateTimeOffset appliedBefore, CancellationToken cancellationToken = default);

    /// <summary>Everything pruned so far, and when the last pass ran (null: never).</summary>
    Task<InboxPruning> CountPrunedAsync(CancellationToken cancellationToken = default);

    /// <summary>The room the hub takes: the SQLite file and its write-ahead log, or the PostgreSQL schema and its database.</summary>
    Task<DatabaseSize> MeasureAsync(CancellationToken cancellationToken = default);
}

/// <summary>Rows deleted from the two inboxes, by one pass or by all so far, and when that pass ran.</summary>
public sealed record InboxPruning(long Webhooks, long SegmentCalls, DateTimeOffset? At)
{
    public long Total => Webhooks + SegmentCalls;
}

/// <summary>
/// How big the hub's database is. SQLite: <see cref="Name"/> is the file, <see cref="Bytes"/> its size, with its
/// write-ahead log and the cap SQLite truncates that log to. PostgreSQL: <see cref="Name"/> is the schema, <see cref="Bytes"/>
/// its tables with their indexes and TOAST, and <see cref="DatabaseBytes"/> the whole database the schema lives in.
/// </summary>
public sealed record DatabaseSize(string Provider, string Name, long Bytes, long? WalBytes, long? WalLimitBytes, long? DatabaseBytes)
{
    public long TotalBytes => Bytes + (WalBytes ?? 0);
}
