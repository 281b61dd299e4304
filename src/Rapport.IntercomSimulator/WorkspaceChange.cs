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
    ConversationCreated,
    ConversationPartAdded,
    ConversationDeleted,
    EventCreated,
}

/// <summary>One mutation of the workspace. <see cref="OtherId"/> is the company of an (de)attachment, the tag of a (un)tagging,
/// the part of a conversation change, or the index of a contact's data event.</summary>
internal readonly record struct WorkspaceChange(WorkspaceChangeKind Kind, string Id, string? OtherId = null);
