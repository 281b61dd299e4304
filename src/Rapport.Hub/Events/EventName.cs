namespace Rapport.Hub.Events;

/// <summary>
/// One event name, whichever source delivers it, and what became of its events. The status is the name's: an ignored
/// name is dropped at every door, Intercom's webhook and Segment's track calls alike. The counts add up
/// what each source in <see cref="Sources"/> delivered.
/// </summary>
/// <param name="Sources">What each source delivered of this name, by source; never empty.</param>
/// <param name="StatusChangedBy">Who last set the status, or null while it is the default.</param>
public sealed record EventName(
    string Name,
    EventStatus Status,
    IReadOnlyList<EventNameSource> Sources,
    string? StatusChangedBy,
    DateTimeOffset? StatusChangedAt)
{
    /// <summary>The earliest occurred_at of any event of this name that reached the hub, from any source.</summary>
    public DateTimeOffset FirstSeen => Sources.Min(s => s.FirstSeen);

    public DateTimeOffset LastSeen => Sources.Max(s => s.LastSeen);

    public long StoredCount => Sources.Sum(s => s.StoredCount);

    public long DroppedCount => Sources.Sum(s => s.DroppedCount);

    public long UnmatchedCount => Sources.Sum(s => s.UnmatchedCount);

    public long PurgedCount => Sources.Sum(s => s.PurgedCount);

    public long HeldCount => StoredCount - PurgedCount;

    /// <summary>What <paramref name="source"/> delivered of this name; null when it never did.</summary>
    public EventNameSource? From(string source) => Sources.FirstOrDefault(s => s.Source == source);
}

/// <summary>
/// What one source delivered of an event name. <see cref="StoredCount"/> counts events ever stored,
/// <see cref="PurgedCount"/> those deleted since by a purge, so <see cref="HeldCount"/> is what the hub holds now.
/// </summary>
/// <param name="FirstSeen">The earliest occurred_at of any event of this name from this source.</param>
/// <param name="UnmatchedCount">Events of users the hub does not have (not stored).</param>
public sealed record EventNameSource(
    string Source,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    long StoredCount,
    long DroppedCount,
    long UnmatchedCount,
    long PurgedCount)
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
