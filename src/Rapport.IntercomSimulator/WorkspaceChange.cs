namespace Rapport.IntercomSimulator;

internal enum WorkspaceChangeKind
{
    CompanyCreated,
    CompanyUpdated,
    CompanyDeleted,
    ContactCreated,
    ContactUpdated,
    ContactDeleted,
    ContactAttached,
    ContactDetached,
    ContactTagged,
    ContactUntagged,
}

/// <summary>One mutation of the workspace. <see cref="OtherId"/> is the company of an (de)attachment or the tag of a (un)tagging.</summary>
internal readonly record struct WorkspaceChange(WorkspaceChangeKind Kind, string Id, string? OtherId = null);
