using Rapport.Intercom.Messaging;

namespace Rapport.Contract.Tests.Client;

internal sealed partial class ClientScenario
{
    /// <summary>An admin's reply with an attachment, a note, an in-app message and an email, by a seated admin to a user.</summary>
    private async Task MessagingAsync(CancellationToken cancellationToken)
    {
        var admin = workspace.Admins.First(a => a.HasInboxSeat);
        var open = workspace.Conversations.First(c => c.State == "open" && c.Ticket is null);
        var user = workspace.Contacts.First(c => c.Role == "user");
        await StepAsync("ReplyToConversationAsync", () => client.ReplyToConversationAsync(open.Id, new IntercomAdminReply
        {
            AdminId = admin.Id,
            MessageType = "comment",
            Body = "<p>Here you go</p>",
            AttachmentUrls = ["https://files.example.test/a.png"],
        }, cancellationToken));
        await StepAsync("ReplyToConversationAsync", () => client.ReplyToConversationAsync(open.Id, new IntercomAdminReply
        {
            AdminId = admin.Id,
            MessageType = "note",
            Body = "<p>Internal</p>",
        }, cancellationToken));
        await StepAsync("CreateMessageAsync", () => client.CreateMessageAsync(new IntercomMessageCreate
        {
            MessageType = "in_app",
            FromAdminId = admin.Id,
            ToContactId = user.Id,
            Body = "<p>Welcome</p>",
        }, cancellationToken));
        await StepAsync("CreateMessageAsync", () => client.CreateMessageAsync(new IntercomMessageCreate
        {
            MessageType = "email",
            FromAdminId = admin.Id,
            ToContactId = user.Id,
            Subject = "Renewal",
            Body = "<p>Shall we talk?</p>",
        }, cancellationToken));
    }
}
