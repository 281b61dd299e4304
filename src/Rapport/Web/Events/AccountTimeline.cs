using Rapport.Application.Events;
using Rapport.Application.Conversations;
using Rapport.Hub.Conversations;
using Rapport.Hub.Events;
using Rapport.Web.Conversations;

namespace Rapport.Web.Events;

/// <summary>
/// An account's timeline: the events of its users and their conversations, newest first. Two bounded, indexed reads
/// (the newest <c>limit</c> of each) merged in memory, so its cost does not grow with the account's history.
/// </summary>
internal static class AccountTimeline
{
    public static async Task<IReadOnlyList<TimelineItemDto>> ReadAsync(
        ConversationHistory conversationHistory, EventHistory eventHistory, long accountId, string accountExternalId, int limit, CancellationToken cancellationToken)
    {
        var events = await eventHistory.OfAccountAsync(accountId, limit, cancellationToken);
        var conversations = await conversationHistory.OfAccountAsync(accountExternalId, limit, cancellationToken);
        return [.. events.Select(Item).Concat(conversations.Select(Item))
            .OrderByDescending(i => i.At ?? DateTimeOffset.MinValue)
            .Take(limit)];
    }

    public static TimelineItemDto Item(StoredEvent e) =>
        new("event", e.OccurredAt, e.Name, $"/users/{e.UserId}", e.UserName ?? e.UserExternalId);

    // A conversation sits at its last update: that is when something happened in it.
    public static TimelineItemDto Item(ConversationHeader c) =>
        new("conversation", c.UpdatedAt ?? c.CreatedAt, ConversationItemDto.PreviewOf(c), $"/conversations/{Uri.EscapeDataString(c.SourceId)}", c.State);
}
