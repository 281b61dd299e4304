namespace Rapport.Hub.Audit;

/// <summary>The audit log: appended to and read, and nothing else. There is no method to change or remove an entry, and the
/// database refuses UPDATE and DELETE on the table.</summary>
public interface IAuditStore
{
    Task<AuditEntry> AppendAuditEntryAsync(NewAuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Newest first, at most <paramref name="limit"/>; <paramref name="before"/> is the id of the last entry of the page before.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAuditEntriesAsync(long? before, int limit, CancellationToken cancellationToken = default);
}
