using Rapport.IntercomSimulator.Conversations;

namespace Rapport.IntercomSimulator;

/// <summary>What an admin sends through the public API: replies and notes on a conversation, and outbound messages that
/// open one. Each is recorded like any other change, so the matching webhook follows.</summary>
public sealed partial class SimulatorWorkspace
{
    /// <summary>An admin's comment or note, with image URLs as attachments (POST /conversations/{id}/reply).</summary>
    public SimulatedConversationPart AdminReply(string conversationId, string adminId, string messageType, string body, IReadOnlyList<string> attachmentUrls)
    {
        var attachments = attachmentUrls.Select(AttachmentFor).ToList();
        return AddPart(conversationId, messageType, AdminAuthor(adminId), body, attachments);
    }

    /// <summary>
    /// An outbound in-app message or email from an admin to a contact (POST /messages): a conversation delivered as
    /// <c>admin_initiated</c>, whose source is the message.
    /// </summary>
    public SimulatedConversation StartMessage(string contactId, string adminId, string sourceType, string subject, string body)
    {
        lock (Sync)
        {
            var contact = GetContact(contactId);
            var author = AdminAuthor(adminId);
            using var batch = BeginChanges();
            var source = new SimulatedConversationSource(NewPartId(), sourceType, "admin_initiated", subject, body, author, []);
            var conversation = new SimulatedConversation(NewConversationId(), source) { CreatedAt = Now, UpdatedAt = Now, Read = true };
            conversation.ContactIds.Add(contact.Id);
            conversation.TeammateIds.Add(author.Id);
            InsertConversation(conversation);
            Record(WorkspaceChangeKind.ConversationCreated, conversation.Id);
            return conversation;
        }
    }

    private static SimulatedAttachment AttachmentFor(string url)
    {
        var name = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Path.GetFileName(uri.AbsolutePath) : url;
        var contentType = Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".gif" => "image/gif",
            ".pdf" => "application/pdf",
            _ => "application/octet-stream",
        };
        return new SimulatedAttachment(name.Length == 0 ? "attachment" : name, url, contentType, 0);
    }
}
