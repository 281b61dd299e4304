using System.Text.Json.Nodes;
using Rapport.IntercomSimulator.Conversations;

namespace Rapport.Web.Tests.Conversations;

/// <summary>Conversations kept live by Intercom's webhooks, from the real simulator (or signed by hand) into a running hub.</summary>
public sealed class ConversationWebhookSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_conversation_is_read_whole_and_user_admin_note_and_bot_replies_arrive_as_they_happen()
    {
        await using var live = await LiveConversationHub.StartAsync();
        var workspace = live.Workspace;
        var admin = workspace.Admins[0];

        var conversation = workspace.AddConversation(live.Contact.Id, "<p>The invoice export fails</p>");
        await live.StoredAsync(conversation.Id, _ => true);
        workspace.Reply(conversation.Id, workspace.Bot, "<p>Fin here, have you tried again?</p>");
        workspace.Reply(conversation.Id, SimulatedAuthor.For(live.Contact), "<p>Yes, it still fails</p>");
        workspace.Reply(conversation.Id, SimulatedAuthor.For(admin), "<p>Looking into it</p>");
        workspace.AddNote(conversation.Id, admin.Id, "<p>Internal: bug 42</p>");

        var stored = await live.StoredAsync(conversation.Id, v => v.Parts.Count == 5);
        stored.Parts.Select(p => (p.AuthorKind, p.PartType)).ShouldBe(
            [("user", "source"), ("bot", "comment"), ("user", "comment"), ("admin", "comment"), ("admin", "note")]);
        stored.Parts.Select(p => p.Body).ShouldBe(
            ["<p>The invoice export fails</p>", "Fin here, have you tried again?", "Yes, it still fails", "Looking into it", "Internal: bug 42"]);
        stored.Conversation.UserExternalIds.ShouldBe([live.Contact.ExternalId!]);
        stored.Conversation.PartCount.ShouldBe(4);
        stored.Conversation.PartsTruncated.ShouldBeFalse();
        (await live.Hub.Store.Inbox.CountInboxAsync(Token)).Failed.ShouldBe(0);
    }

    [Fact]
    public async Task A_conversation_that_grows_past_500_parts_by_webhook_keeps_every_part_and_the_audit_finds_it_complete()
    {
        await using var live = await LiveConversationHub.StartAsync();
        var conversation = live.Workspace.AddConversation(live.Contact.Id, "Opening message");
        await live.StoredAsync(conversation.Id, _ => true);
        var admin = SimulatedAuthor.For(live.Workspace.Admins[0]);

        for (var i = 0; i < 520; i++)
            live.Workspace.Reply(conversation.Id, i % 2 == 0 ? admin : SimulatedAuthor.For(live.Contact), $"message {i}");

        var stored = await live.StoredAsync(conversation.Id, v => v.Parts.Count == 521);
        stored.Parts.Skip(1).Select(p => p.Body).ShouldBe(Enumerable.Range(0, 520).Select(i => $"message {i}"));
        stored.Conversation.PartCount.ShouldBe(520);
        stored.Conversation.PartsTruncated.ShouldBeFalse("every part was seen as it came, though Intercom now returns only the last 500");
        var audit = await (await (await live.Hub.TokenClientAsync(TeamRole.Admin)).PostAsync("/api/v1/conversations/audit", null, Token))
            .Content.ReadFromJsonAsync<JsonElement>(Token);
        audit.GetProperty("complete").GetInt32().ShouldBe(1);
        audit.GetProperty("refetched").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task The_same_reply_notification_delivered_three_times_is_applied_once()
    {
        await using var live = await LiveConversationHub.StartAsync();
        var conversation = live.Workspace.AddConversation(live.Contact.Id, "Hello");
        await live.StoredAsync(conversation.Id, _ => true);
        var before = (await live.Hub.Store.Inbox.CountInboxAsync(Token)).Received;
        live.DropWebhooks(1);
        live.Workspace.Reply(conversation.Id, SimulatedAuthor.For(live.Contact), "Delivered thrice");
        var item = await live.ItemAsync(conversation.Id);

        for (var i = 0; i < 3; i++)
            await live.DeliverAsync("notif_thrice", "conversation.user.replied", item);

        await live.InboxDrainedAsync(before + 1);
        var inbox = await live.Hub.Store.Inbox.CountInboxAsync(Token);
        inbox.Received.ShouldBe(before + 1);
        var stored = await live.StoredAsync(conversation.Id, _ => true);
        stored.Parts.Count(p => p.Body == "Delivered thrice").ShouldBe(1);
        stored.Parts.Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_older_conversation_delivered_after_a_newer_one_does_not_overwrite_it()
    {
        await using var live = await LiveConversationHub.StartAsync();
        var conversation = live.Workspace.AddConversation(live.Contact.Id, "Is it fixed?");
        await live.StoredAsync(conversation.Id, _ => true);
        var updatedAt = conversation.UpdatedAt.ToUnixTimeSeconds();
        var newer = await live.ItemAsync(conversation.Id);
        newer["state"] = "closed";
        newer["open"] = false;
        newer["updated_at"] = updatedAt + 20;
        var older = await live.ItemAsync(conversation.Id);
        older["state"] = "snoozed";
        older["updated_at"] = updatedAt + 10;

        await live.DeliverAsync("notif_newer", "conversation.admin.closed", newer);
        await live.DeliverAsync("notif_older", "conversation.admin.snoozed", older);

        await live.InboxDrainedAsync(3);
        var stored = await live.StoredAsync(conversation.Id, _ => true);
        stored.Conversation.State.ShouldBe("closed");
        stored.Conversation.UpdatedAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(updatedAt + 20));
    }

    [Fact]
    public async Task Outbound_emails_and_tickets_arriving_by_webhook_are_left_out_and_counted()
    {
        await using var live = await LiveConversationHub.StartAsync();
        var workspace = live.Workspace;
        var email = workspace.AddConversation(live.Contact.Id, "Your trial ends soon", deliveredAs: "automated", sourceType: "email");
        var ticket = workspace.AddConversation(live.Contact.Id, "Refund please", configure: c => c.Ticket = new SimulatedTicket("t9", "9", "Customer", "Refund", "submitted"));
        var chat = workspace.AddConversation(live.Contact.Id, "A real question");

        workspace.Reply(email.Id, SimulatedAuthor.For(live.Contact), "Can I extend it?");

        await live.StoredAsync(chat.Id, _ => true);
        await LiveConversationHub.EventuallyAsync(async () => (await live.Hub.Store.Conversations.CountConversationsAsync(Token)).Excluded.Values.Sum() == 2);
        var counts = await live.Hub.Store.Conversations.CountConversationsAsync(Token);
        counts.Excluded.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value)).ShouldBe([("outbound email", 1), ("ticket", 1)]);
        (await live.Hub.Store.Conversations.GetConversationAsync("intercom", email.Id, Token)).ShouldBeNull();
        (await live.Hub.Store.Conversations.GetConversationAsync("intercom", ticket.Id, Token)).ShouldBeNull();
        var page = await (await live.Hub.SignedInAsync()).GetStringAsync("/conversations", Token);
        page.ShouldContain("1 outbound email left out");
        page.ShouldContain("1 ticket left out");
    }

    [Fact]
    public async Task With_users_and_companies_not_imported_a_webhook_conversation_attaches_by_email()
    {
        await using var live = await LiveConversationHub.StartAsync(importUsersAndCompanies: false);

        var conversation = live.Workspace.AddConversation(live.Contact.Id, "Hello from the messenger");

        var stored = await live.StoredAsync(conversation.Id, _ => true);
        stored.Conversation.UserExternalIds.ShouldBe([live.Contact.ExternalId!]);
    }

    [Fact]
    public async Task A_conversation_deleted_in_Intercom_is_kept_and_shown_as_deleted()
    {
        await using var live = await LiveConversationHub.StartAsync();
        var conversation = live.Workspace.AddConversation(live.Contact.Id, "Please forget this");
        await live.StoredAsync(conversation.Id, _ => true);

        live.Workspace.DeleteConversation(conversation.Id);

        var stored = await live.StoredAsync(conversation.Id, v => v.Conversation.DeletedAt is not null);
        stored.Parts.ShouldHaveSingleItem().Body.ShouldBe("Please forget this");
        var page = await (await live.Hub.SignedInAsync()).GetStringAsync($"/conversations/{conversation.Id}", Token);
        page.ShouldContain("data-testid=\"conversation-deleted\"");
    }

    [Fact]
    public async Task The_audit_reads_again_a_conversation_whose_webhook_never_came_and_says_so()
    {
        await using var live = await LiveConversationHub.StartAsync();
        var conversation = live.Workspace.AddConversation(live.Contact.Id, "Hello");
        await live.StoredAsync(conversation.Id, _ => true);
        live.DropWebhooks(1);
        live.Workspace.Reply(conversation.Id, SimulatedAuthor.For(live.Workspace.Admins[0]), "An answer whose webhook was lost");
        var api = await live.Hub.TokenClientAsync(TeamRole.TeamMember);

        var response = await api.PostAsync("/api/v1/conversations/audit", null, Token);

        var audit = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
        response.IsSuccessStatusCode.ShouldBeTrue(audit.ToJsonString());
        audit["checked"]!.GetValue<int>().ShouldBe(1);
        audit["refetched"]!.GetValue<int>().ShouldBe(1);
        audit["repaired"]!.GetValue<int>().ShouldBe(1);
        audit["partsAdded"]!.GetValue<int>().ShouldBe(1);
        var stored = await live.StoredAsync(conversation.Id, _ => true);
        stored.Parts.Select(p => p.Body).ShouldBe(["Hello", "An answer whose webhook was lost"]);
        var again = await (await api.PostAsync("/api/v1/conversations/audit", null, Token)).Content.ReadFromJsonAsync<JsonElement>(Token);
        again.GetProperty("complete").GetInt32().ShouldBe(1);
        again.GetProperty("refetched").GetInt32().ShouldBe(0);
    }
}
