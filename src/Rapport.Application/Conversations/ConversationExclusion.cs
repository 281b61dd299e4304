using Rapport.Intercom;

namespace Rapport.Application.Conversations;

/// <summary>
/// What Rapport leaves out: tickets, and the emails and posts Intercom sent on its own initiative
/// (<c>source.delivered_as</c> automated, campaigns or admin-initiated with <c>source.type</c> email or push; spec 2.16
/// <c>conversation_source</c>), but never a conversation Rapport started.
/// </summary>
internal static class ConversationExclusion
{
    public const string Ticket = "ticket";
    public const string Email = "outbound email";
    public const string Post = "outbound post";

    private static readonly HashSet<string> Outbound = new(StringComparer.Ordinal) { "automated", "campaigns_initiated", "admin_initiated" };

    /// <returns>The kind it is excluded as, or null when it is kept.</returns>
    public static string? KindOf(IntercomConversation conversation, IReadOnlySet<string> startedByRapport)
    {
        if (startedByRapport.Contains(conversation.Id))
            return null;
        if (conversation.IsTicket)
            return Ticket;
        if (conversation.Source is not { DeliveredAs: { } deliveredAs, Type: { } type } || !Outbound.Contains(deliveredAs))
            return null;
        return type switch
        {
            "email" => Email,
            "push" => Post,
            _ => null,
        };
    }
}
