using System.Text.Json;
using Rapport.Hub.Events;
using Rapport.Web.Accounts;

namespace Rapport.Web.Events;

/// <param name="Sources">The sources that delivered the name (intercom, segment); the counts add up theirs.</param>
/// <param name="Status">tracked or ignored, for every source.</param>
/// <param name="Stored">Events ever stored; <paramref name="Held"/> is what the hub holds now (stored minus purged).</param>
/// <param name="Dropped">Events dropped at the door because the name is ignored.</param>
/// <param name="Unmatched">Events of users Rapport does not have (not stored).</param>
internal sealed record EventNameDto(
    string Name, string[] Sources, string Status, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Stored, long Held, long Dropped, long Unmatched,
    long Purged, string? StatusChangedBy, DateTimeOffset? StatusChangedAt)
{
    public static EventNameDto From(EventName n) => new(
        n.Name, [.. n.Sources.Select(s => s.Source)], n.Status.ToName(), n.FirstSeen, n.LastSeen, n.StoredCount, n.HeldCount, n.DroppedCount, n.UnmatchedCount, n.PurgedCount,
        n.StatusChangedBy, n.StatusChangedAt);
}

/// <param name="Status">tracked or ignored.</param>
internal sealed record EventStatusRequest(string Status);

internal sealed record PurgeDto(string Name, int Purged);

/// <param name="UserId">The user's id in Rapport (<c>/api/v1/users/{id}</c>).</param>
internal sealed record EventDto(
    long Id, string Name, DateTimeOffset OccurredAt, long UserId, string UserExternalId, string? UserName, JsonElement Metadata)
{
    public static EventDto From(StoredEvent e) =>
        new(e.Id, e.Name, e.OccurredAt, e.UserId, e.UserExternalId, e.UserName, CompanyRecordDto.Json(e.MetadataJson));
}

/// <param name="Kind">event or conversation.</param>
/// <param name="Title">The event's name, or the conversation's title or subject.</param>
/// <param name="Link">Where it is shown in Rapport: the conversation's page, or the event's user.</param>
/// <param name="Who">The user an event belongs to; for a conversation, its state.</param>
internal sealed record TimelineItemDto(string Kind, DateTimeOffset? At, string Title, string Link, string? Who);
