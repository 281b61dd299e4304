namespace Rapport.Hub.Events;

/// <summary>
/// One event name of a source and what became of its events. <see cref="StoredCount"/> counts events ever stored,
/// <see cref="PurgedCount"/> those deleted since by a purge, so <see cref="HeldCount"/> is what the hub holds now.
/// </summary>
/// <param name="FirstSeen">The earliest occurred_at of any event of this name that reached the hub.</param>
/// <param name="UnmatchedCount">Events of users the hub does not have (not stored).</param>
/// <param name="StatusChangedBy">Who last set the status, or null while it is the default.</param>
public sealed record EventName(
    string Source,
    string Name,
    EventStatus Status,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    long StoredCount,
    long DroppedCount,
    long UnmatchedCount,
    long PurgedCount,
    string? StatusChangedBy,
    DateTimeOffset? StatusChangedAt)
{
    public long HeldCount => StoredCount - PurgedCount;
}

/// <summary>A stored event with the hub user it belongs to.</summary>
/// <param name="UserId">The hub's id of the user (as in <c>/users/{id}</c>).</param>
public sealed record StoredEvent(
    long Id,
    string Source,
    string Name,
    DateTimeOffset OccurredAt,
    long UserId,
    string UserExternalId,
    string? UserName,
    string? UserEmail,
    string MetadataJson);
