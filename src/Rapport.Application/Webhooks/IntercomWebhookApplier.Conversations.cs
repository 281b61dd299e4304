using Rapport.Hub.Conversations;
using Rapport.Intercom;
using Rapport.Intercom.Webhooks;
using Rapport.Application.Conversations;
using Rapport.Hub.Events;
using Rapport.Hub.Messaging;
using Rapport.Hub.Model;
using Rapport.Hub.Sources;
using Rapport.Hub.Sync;
using Rapport.Hub.Webhooks;

namespace Rapport.Application.Webhooks;

public sealed partial class IntercomWebhookApplier
{
    private static readonly IReadOnlySet<string> NoneStartedByRapport = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The batch's attacher, set by <see cref="ApplyBatchAsync"/>.</summary>
    private ConversationAttacher? _attacher;

    /// <summary>
    /// The <c>conversation.*</c> topics, through the import's own path (<see cref="ConversationExclusion"/>,
    /// <see cref="ConversationAttacher"/>, <see cref="ConversationMapping"/>, the store's keep-every-part batch). The item is
    /// the conversation with only the part that triggered it: a conversation the hub has not stored yet is read whole, so it
    /// is stored complete. Returns Wrote = false: a conversation does not change the mirror users derive from.
    /// </summary>
    private async Task<(string, bool)> ApplyConversationTopicAsync(
        IntercomNotification notification, WebhookApplyContext context, CancellationToken cancellationToken)
    {
        if (notification.Topic == "conversation.deleted")
            return (await DeleteConversationAsync(notification, cancellationToken).ConfigureAwait(false), false);

        var item = IntercomConversation.Parse(notification.Item);
        if (string.IsNullOrEmpty(item.Id))
            return ("no conversation id", false);
        if (await ExcludeAsync(item, cancellationToken).ConfigureAwait(false) is { } excludedAs)
            return (excludedAs, false);

        var stored = (await conversationStore.TallyConversationPartsAsync(ConversationMapping.Source, [item.Id], cancellationToken).ConfigureAwait(false))
            .GetValueOrDefault(item.Id);
        var conversation = item;
        var fetched = false;
        if (stored is null && context.Client is { } client)
        {
            try
            {
                conversation = await client.GetConversationAsync(item.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
                fetched = true;
            }
            catch (IntercomNotFoundException)
            {
                // Deleted since: what the notification carries is all there is to keep.
            }

            if (fetched && await ExcludeAsync(conversation, cancellationToken).ConfigureAwait(false) is { } fetchedExcludedAs)
                return (fetchedExcludedAs, false);
        }

        var attacher = _attacher ?? new ConversationAttacher(context.Client, conversationStore, syncState, context.Settings.ImportUsersAndCompanies);
        var attached = await attacher.AttachAsync([conversation], cancellationToken).ConfigureAwait(false);
        var source = ConversationMapping.ToSource(conversation, attached.Users[conversation.Id]);
        // An item holds one part by design, not because Intercom stopped returning older ones: the stored flag stands.
        if (!fetched)
            source = source with { PartsTruncated = stored?.PartsTruncated ?? false };
        var result = await conversationStore.ApplyConversationsAsync([source], [], cancellationToken: cancellationToken).ConfigureAwait(false);

        var outcome = result.Stale > 0 ? OlderThanStored
            : result.Unchanged > 0 ? "unchanged"
            : fetched ? "applied (read whole)"
            : "applied";
        if (attached.Ambiguous.Count > 0)
            outcome += $"; not attached, email shared by several users: {string.Join(", ", attached.Ambiguous)}";
        return (outcome, false);
    }

    /// <summary>Tickets and Intercom's own emails and posts are kept out here too, and counted with the import's.</summary>
    private async Task<string?> ExcludeAsync(IntercomConversation conversation, CancellationToken cancellationToken)
    {
        if (ConversationExclusion.KindOf(conversation, NoneStartedByRapport) is not { } kind)
            return null;
        // An email Rapport sent opens an outbound conversation too, but one the teammate wants to follow.
        if ((await outboundStore.ListConversationsStartedByRapportAsync(cancellationToken).ConfigureAwait(false)).Contains(conversation.Id))
            return null;
        await conversationStore.ApplyConversationsAsync(
            [], [new ExcludedConversation(ConversationMapping.Source, conversation.Id, kind, conversation.UpdatedAt)],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return $"excluded: {kind}";
    }

    private async Task<string> DeleteConversationAsync(IntercomNotification notification, CancellationToken cancellationToken)
    {
        var item = notification.Item;
        var id = item.ValueKind == System.Text.Json.JsonValueKind.Object && item.TryGetProperty("id", out var value)
            ? value.ValueKind == System.Text.Json.JsonValueKind.Number ? value.GetRawText() : value.GetString()
            : null;
        if (string.IsNullOrEmpty(id))
            return "no conversation id";
        var known = await conversationStore.MarkConversationDeletedAsync(ConversationMapping.Source, id, notification.CreatedAt, cancellationToken).ConfigureAwait(false);
        return known ? "conversation marked deleted" : "conversation was never stored";
    }
}
