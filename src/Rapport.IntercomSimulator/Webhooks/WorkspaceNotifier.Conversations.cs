using System.Globalization;
using Rapport.IntercomSimulator.Conversations;
using Rapport.IntercomSimulator.Events;

namespace Rapport.IntercomSimulator.Webhooks;

/// <summary>Conversation and data-event topics. A conversation item is the conversation as the REST API shows it, in plain
/// text (since API 2.15), with only the part that triggered the notification in <c>conversation_parts</c>.</summary>
internal static partial class WorkspaceNotifier
{
    private static void NotifyConversation(WorkspaceChange change, SimulatorWorkspace workspace, WebhookDispatcher webhooks, DateTimeOffset now)
    {
        if (change.Kind == WorkspaceChangeKind.ConversationDeleted)
        {
            webhooks.Publish("conversation.deleted", now, w => WriteDeleted(w, "conversation", change.Id));
            return;
        }

        if (workspace.ConversationUnlocked(change.Id) is not { } conversation) { return; }
        var part = change.OtherId is { } partId ? conversation.Parts.FindLast(p => p.Id == partId) : null;
        var topic = part is null ? CreatedTopic(conversation) : PartTopic(part);
        if (topic is null) { return; }
        IReadOnlyList<SimulatedConversationPart> parts = part is null ? [] : [part];
        webhooks.Publish(topic, now, w => ConversationJson.Write(w, conversation, workspace, parts, plainText: true));
    }

    // Outbound messages (automated, campaigns, bot-initiated) become conversations only when the contact replies:
    // that reply is their first notification (Intercom's API reference, "Create a message").
    private static string? CreatedTopic(SimulatedConversation conversation) => conversation.Source.Author.Type switch
    {
        "user" or "lead" => "conversation.user.created",
        "admin" when conversation.Source.DeliveredAs == "admin_initiated" => "conversation.admin.single.created",
        _ => null,
    };

    private static string? PartTopic(SimulatedConversationPart part) => (part.PartType, part.Author.Type) switch
    {
        ("comment", "user" or "lead") => "conversation.user.replied",
        ("comment", "bot") => "conversation.operator.replied",
        ("comment", _) => "conversation.admin.replied",
        ("note", _) => "conversation.admin.noted",
        ("assignment", _) => "conversation.admin.assigned",
        ("close", _) => "conversation.admin.closed",
        ("open", _) => "conversation.admin.opened",
        ("snoozed", _) => "conversation.admin.snoozed",
        _ => null,
    };

    private static void NotifyEvent(WorkspaceChange change, SimulatorWorkspace workspace, WebhookDispatcher webhooks, DateTimeOffset now)
    {
        var events = workspace.EventListUnlocked(change.Id);
        if (!int.TryParse(change.OtherId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) || index >= events.Count) { return; }
        var e = events[index];
        var contact = workspace.ContactUnlocked(change.Id);
        webhooks.Publish("event.created", now, w => EventJson.Write(w, e, contact));
    }
}
