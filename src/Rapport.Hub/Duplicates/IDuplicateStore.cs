namespace Rapport.Hub.Duplicates;

/// <summary>Records that are probably one entity under different ids, and merges that can be undone.</summary>
public interface IDuplicateStore
{
    /// <summary>Active users sharing an email; active accounts sharing a website domain or a name (see <see cref="DuplicateCandidate.Rule"/>).</summary>
    Task<IReadOnlyList<DuplicateCandidate>> FindDuplicatesAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<MergeRecord>> ListMergesAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Merges <paramref name="mergedId"/> into <paramref name="keptId"/> in one transaction: source links, memberships,
    /// events and conversations move to the kept record, the merged one becomes inactive, and what changed is recorded
    /// so that <see cref="UndoMergeAsync"/> restores it exactly. Null when either record is missing, they are the same,
    /// or the merged one is already merged.
    /// </summary>
    Task<MergeRecord?> MergeAsync(RecordKind kind, long keptId, long mergedId, string evidence, string mergedBy, CancellationToken cancellationToken = default);

    /// <summary>Restores the state before the merge; null when the merge does not exist or was undone already.</summary>
    Task<MergeRecord?> UndoMergeAsync(long mergeId, string undoneBy, CancellationToken cancellationToken = default);
}
