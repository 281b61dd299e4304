namespace Rapport.Hub.Events;

/// <summary>
/// A data event as a source sent it. The store attaches it to the hub user with <see cref="UserExternalId"/>, else to the
/// user of the mirrored contact <see cref="ContactSourceId"/>; it is kept once per workspace + user + name + occurred_at,
/// second precision, as Intercom de-duplicates (Intercom's API reference, "Submit a data event").
/// </summary>
/// <param name="Workspace">The source's workspace (Intercom's <c>app_id</c>), or null when there is only one.</param>
/// <param name="MetadataJson">A JSON object of the event's metadata, kept as sent.</param>
public sealed record SourceEvent(
    string Source,
    string? Workspace,
    string? UserExternalId,
    string? ContactSourceId,
    string Name,
    DateTimeOffset OccurredAt,
    string MetadataJson);

/// <summary>What became of one event of a batch.</summary>
public enum EventOutcome
{
    Stored,

    /// <summary>The same event (workspace, user, name, occurred_at) is stored already.</summary>
    Duplicate,

    /// <summary>Its name is ignored: nothing stored, the name's dropped count moved.</summary>
    Ignored,

    /// <summary>No hub user has its user id, and no mirrored contact of its contact id is a hub user.</summary>
    UnknownUser,
}
