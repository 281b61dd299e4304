namespace Rapport.IntercomSimulator.Webhooks;

/// <summary>The 2.16 topics the simulator emits
/// (https://developers.intercom.com/docs/references/2.16/webhooks/webhook-models).</summary>
public static class WebhookTopics
{
    public const string Ping = "ping";

    /// <summary>Every topic the workspace can emit; <c>ping</c> is always subscribed, so it is not among them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "company.created", "company.updated", "company.deleted", "company.contact.attached", "company.contact.detached",
        "contact.user.created", "contact.user.updated", "contact.lead.created", "contact.lead.updated", "contact.deleted",
        "contact.user.tag.created", "contact.user.tag.deleted", "contact.lead.tag.created", "contact.lead.tag.deleted",
        "conversation.user.created", "conversation.user.replied", "conversation.admin.replied", "conversation.admin.single.created",
        "conversation.admin.noted", "conversation.admin.assigned", "conversation.admin.closed", "conversation.admin.opened",
        "conversation.admin.snoozed", "conversation.operator.replied", "conversation.deleted",
        "event.created",
    ];
}
