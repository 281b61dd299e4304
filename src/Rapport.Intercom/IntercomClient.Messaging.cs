using Rapport.Intercom.Json;
using Rapport.Intercom.Messaging;

namespace Rapport.Intercom;

public sealed partial class IntercomClient
{
    /// <summary>
    /// POST /conversations/{id}/reply as an admin; returns the conversation with its parts, the new one last. Never retried
    /// unless the request surely did not arrive: a reply has no idempotency key at Intercom, so the caller re-reads the
    /// conversation before sending again.
    /// </summary>
    public Task<IntercomConversation> ReplyToConversationAsync(string conversationId, IntercomAdminReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reply.AttachmentUrls.Count, IntercomAdminReply.MaxAttachments);
        return SendAsync(HttpMethod.Post, $"conversations/{Escape(conversationId)}/reply", IntercomMessagingBodies.Reply(reply), idempotent: false,
            IntercomConversation.Parse, cancellationToken);
    }

    /// <summary>POST /messages: an in-app message or an email from an admin to a contact. Not retried, as a reply.</summary>
    public Task<IntercomMessage> CreateMessageAsync(IntercomMessageCreate message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync(HttpMethod.Post, "messages", IntercomMessagingBodies.Message(message), idempotent: false, IntercomMessage.Parse, cancellationToken);
    }
}
