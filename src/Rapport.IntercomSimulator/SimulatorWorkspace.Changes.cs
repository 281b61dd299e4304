namespace Rapport.IntercomSimulator;

/// <summary>Changes are collected per outermost mutation and handed to the observer once it completes, still under
/// <see cref="Sync"/>: so a composite write (an upsert = create + update, a new user = create + attach) is seen whole,
/// and the observer reads the state the change left.</summary>
public sealed partial class SimulatorWorkspace
{
    private readonly List<WorkspaceChange> _changes = [];
    private int _changeDepth;

    /// <summary>Null while seeding: the seeded history is not news.</summary>
    internal Action<IReadOnlyList<WorkspaceChange>>? ChangeObserver { get; set; }

    /// <summary>Moves on with every mutation, so anything computed from the workspace can tell it is still current.</summary>
    internal long Version { get; private set; }

    /// <summary>Call with <see cref="Sync"/> held, and dispose before releasing it.</summary>
    internal ChangeBatch BeginChanges()
    {
        Version++;
        _changeDepth++;
        return new ChangeBatch(this);
    }

    private void Record(WorkspaceChangeKind kind, string id, string? otherId = null)
    {
        if (ChangeObserver is not null) { _changes.Add(new WorkspaceChange(kind, id, otherId)); }
    }

    private void EndChanges()
    {
        if (--_changeDepth > 0 || _changes.Count == 0) { return; }
        WorkspaceChange[] changes = [.. _changes];
        _changes.Clear();
        ChangeObserver?.Invoke(changes);
    }

    private void RecordTagChanges(SimulatedContact contact, string[] tagsBefore)
    {
        foreach (var tagId in contact.TagIds)
        {
            if (Array.IndexOf(tagsBefore, tagId) < 0) { Record(WorkspaceChangeKind.ContactTagged, contact.Id, tagId); }
        }

        foreach (var tagId in tagsBefore)
        {
            if (!contact.TagIds.Contains(tagId)) { Record(WorkspaceChangeKind.ContactUntagged, contact.Id, tagId); }
        }
    }

    internal readonly struct ChangeBatch(SimulatorWorkspace workspace) : IDisposable
    {
        public void Dispose() => workspace.EndChanges();
    }
}
