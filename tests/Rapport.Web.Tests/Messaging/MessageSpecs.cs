namespace Rapport.Web.Tests.Messaging;

/// <summary>New conversations started from Rapport with POST /messages, in-app and by email.</summary>
public sealed class MessageSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Starting_a_conversation_in_app_and_by_email_creates_exactly_one_conversation_each_and_both_are_kept()
    {
        await using var hub = await MessagingHub.StartAsync();
        var userId = await UserIdAsync(hub);
        var before = ByAdmin(hub).Count;

        var inApp = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/users/{userId}/messages", new { channel = "in_app", body = "Welcome aboard!" });
        var email = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/users/{userId}/messages", new { channel = "email", subject = "Your renewal", body = "Shall we talk?", idempotencyKey = "renewal-1" });
        var emailAgain = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/users/{userId}/messages", new { channel = "email", subject = "Your renewal", body = "Shall we talk?", idempotencyKey = "renewal-1" });

        inApp.Status.ShouldBe(200, inApp.Body.ToString());
        email.Status.ShouldBe(200, email.Body.ToString());
        emailAgain.Body.GetProperty("id").GetInt64().ShouldBe(email.Body.GetProperty("id").GetInt64());
        var started = ByAdmin(hub);
        started.Count.ShouldBe(before + 2);
        hub.Live.Hub.Simulator.Stats.MessagesCreated.ShouldBe(2);
        var inAppConversation = hub.Workspace.FindConversation(inApp.Body.GetProperty("conversationId").GetString()!)!;
        inAppConversation.Source.Type.ShouldBe("conversation");
        inAppConversation.ContactIds.ShouldBe([hub.Live.Contact.Id]);
        var emailConversation = hub.Workspace.FindConversation(email.Body.GetProperty("conversationId").GetString()!)!;
        emailConversation.Source.Type.ShouldBe("email");
        emailConversation.Source.Subject.ShouldBe("Your renewal");

        // Intercom's own outbound emails are left out of the hub, but not one Rapport sent: its webhook keeps it too.
        var stored = await hub.Live.StoredAsync(emailConversation.Id, v => v.Parts.Count >= 1);
        stored.Conversation.Subject.ShouldBe("Your renewal");
        stored.Conversation.UserExternalIds.ShouldBe([hub.Live.Contact.ExternalId!]);
        hub.Workspace.Reply(emailConversation.Id, IntercomSimulator.Conversations.SimulatedAuthor.For(hub.Live.Contact), "Sure, Tuesday?");
        await hub.Live.StoredAsync(emailConversation.Id, v => v.Parts.Any(p => p.Body == "Sure, Tuesday?"));
    }

    [Fact]
    public async Task An_email_with_attachments_gets_an_explicit_warning_and_nothing_is_sent_until_links_are_chosen()
    {
        await using var hub = await MessagingHub.StartAsync();
        var userId = await UserIdAsync(hub);
        const string file = "https://files.example.test/q3-report.pdf";

        var refused = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/users/{userId}/messages",
            new { channel = "email", subject = "Q3 report", body = "Here is the report.", attachmentUrls = new[] { file } });
        var sent = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/users/{userId}/messages",
            new { channel = "email", subject = "Q3 report", body = "Here is the report.", attachmentUrls = new[] { file }, sendAttachmentsAsLinks = true });

        refused.Status.ShouldBe(400);
        refused.Body.GetProperty("title").GetString().ShouldBe("Bad field: attachments");
        refused.Body.GetProperty("detail").GetString()!.ShouldContain("Intercom cannot attach files to a new conversation");
        sent.Status.ShouldBe(200, sent.Body.ToString());
        hub.Live.Hub.Simulator.Stats.MessagesCreated.ShouldBe(1);
        var conversation = hub.Workspace.FindConversation(sent.Body.GetProperty("conversationId").GetString()!)!;
        conversation.Source.Body.ShouldContain("Here is the report.");
        conversation.Source.Body.ShouldContain($"<a href=\"{file}\">{file}</a>");
    }

    [Fact]
    public async Task An_empty_message_an_email_without_subject_and_a_sender_without_a_seat_are_refused_and_nothing_is_sent()
    {
        await using var hub = await MessagingHub.StartAsync();
        var userId = await UserIdAsync(hub);
        var noSeat = await hub.TeamMemberApiAsync(hub.Workspace.Admins.First(a => !a.HasInboxSeat).Email);

        var empty = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/users/{userId}/messages", new { channel = "in_app", body = "" });
        var noSubject = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/users/{userId}/messages", new { channel = "email", body = "Hi" });
        var badChannel = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/users/{userId}/messages", new { channel = "sms", body = "Hi" });
        var unseated = await MessagingHub.PostAsync(noSeat, $"/api/v1/users/{userId}/messages", new { channel = "in_app", body = "Hi" });

        empty.Status.ShouldBe(400);
        empty.Body.GetProperty("detail").GetString()!.ShouldContain("The message is empty");
        noSubject.Status.ShouldBe(400);
        noSubject.Body.GetProperty("detail").GetString()!.ShouldContain("An email needs a subject");
        badChannel.Status.ShouldBe(400);
        unseated.Status.ShouldBe(403);
        hub.Live.Hub.Simulator.Stats.MessagesCreated.ShouldBe(0);
        (await hub.Live.Hub.Store.Outbound.ListOutboundAsync(10, Token)).ShouldBeEmpty();
    }

    private static async Task<long> UserIdAsync(MessagingHub hub) =>
        (await hub.Live.Hub.Store.Browse.FindUserAsync(hub.Live.Contact.ExternalId!, Token))!.Id.Value;

    private static List<IntercomSimulator.Conversations.SimulatedConversation> ByAdmin(MessagingHub hub) =>
        [.. hub.Workspace.Conversations.Where(c => c.Source.DeliveredAs == "admin_initiated" && c.Source.Author.Id == hub.Seated.Id && c.ContactIds.Contains(hub.Live.Contact.Id))];
}
