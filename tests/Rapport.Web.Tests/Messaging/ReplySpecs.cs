using Rapport.Hub.Messaging;
using Rapport.Web.Tests.Conversations;

namespace Rapport.Web.Tests.Messaging;

/// <summary>Replies and notes sent from Rapport to Intercom, as a seat-holding teammate's Intercom admin, against the simulator.</summary>
public sealed class ReplySpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reply_and_a_note_land_on_the_right_conversation_as_the_teammates_admin_and_the_webhook_echo_adds_nothing()
    {
        await using var hub = await MessagingHub.StartAsync();
        var id = hub.Conversation.Id;
        var received = (await hub.Live.Hub.Store.Inbox.CountInboxAsync(Token)).Received;

        var (replyStatus, reply) = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/conversations/{id}/reply", new { body = "Yes: Billing → Export.", type = "comment" });
        var (noteStatus, note) = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/conversations/{id}/reply", new { body = "Customer asked twice", type = "note" });

        replyStatus.ShouldBe(200, reply.ToString());
        noteStatus.ShouldBe(200, note.ToString());
        var intercomReply = hub.IntercomParts(id, "Yes: Billing → Export.").ShouldHaveSingleItem();
        intercomReply.PartType.ShouldBe("comment");
        intercomReply.Author.Id.ShouldBe(hub.Seated.Id);
        var intercomNote = hub.IntercomParts(id, "Customer asked twice").ShouldHaveSingleItem();
        intercomNote.PartType.ShouldBe("note");
        intercomNote.Author.Id.ShouldBe(hub.Seated.Id);
        reply.GetProperty("status").GetString().ShouldBe("sent");
        reply.GetProperty("intercomId").GetString().ShouldBe(intercomReply.Id);
        note.GetProperty("intercomId").GetString().ShouldBe(intercomNote.Id);

        // The echo: Intercom's conversation.admin.replied and .noted notifications for the same two parts.
        await hub.Live.InboxDrainedAsync(received + 2);
        var stored = await hub.Live.StoredAsync(id, _ => true);
        stored.Parts.Count(p => p.PartId == intercomReply.Id).ShouldBe(1);
        stored.Parts.Count(p => p.PartId == intercomNote.Id).ShouldBe(1);
        stored.Parts.Count.ShouldBe(3, "the opening message, the reply and the note: nothing twice");
        (await hub.Live.Hub.Store.Outbound.ListConversationOutboundAsync(id, Token)).ShouldAllBe(s => s.Status == OutboundStatuses.Sent);
        hub.Live.Hub.Simulator.Stats.RepliesCreated.ShouldBe(2);
    }

    [Fact]
    public async Task The_same_idempotency_key_sent_twice_is_one_reply()
    {
        await using var hub = await MessagingHub.StartAsync();
        var body = new { body = "Only once, please", idempotencyKey = "retry-7f3a" };

        var first = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/conversations/{hub.Conversation.Id}/reply", body);
        var second = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/conversations/{hub.Conversation.Id}/reply", body);

        first.Status.ShouldBe(200, first.Body.ToString());
        second.Status.ShouldBe(200, second.Body.ToString());
        second.Body.GetProperty("id").GetInt64().ShouldBe(first.Body.GetProperty("id").GetInt64());
        hub.IntercomParts(hub.Conversation.Id, "Only once, please").Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_teammate_without_a_seat_or_without_an_Intercom_admin_gets_403_naming_why_and_nothing_is_sent()
    {
        await using var hub = await MessagingHub.StartAsync();
        var unseated = hub.Workspace.Admins.First(a => !a.HasInboxSeat);
        var noSeat = await hub.TeamMemberApiAsync(unseated.Email);
        var noAdmin = await hub.TeamMemberApiAsync(null);

        var (noSeatStatus, noSeatBody) = await MessagingHub.PostAsync(noSeat, $"/api/v1/conversations/{hub.Conversation.Id}/reply", new { body = "Hello" });
        var (noAdminStatus, noAdminBody) = await MessagingHub.PostAsync(noAdmin, $"/api/v1/conversations/{hub.Conversation.Id}/reply", new { body = "Hello" });
        var seat = await noSeat.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me/seat", Token);

        noSeatStatus.ShouldBe(403);
        noSeatBody.GetProperty("detail").GetString()!.ShouldContain("has no inbox seat");
        noAdminStatus.ShouldBe(403);
        noAdminBody.GetProperty("detail").GetString()!.ShouldContain("No Intercom teammate has the email");
        seat.GetProperty("canSend").GetBoolean().ShouldBeFalse();
        seat.GetProperty("adminId").GetString().ShouldBe(unseated.Id);
        hub.Live.Hub.Simulator.Stats.RepliesCreated.ShouldBe(0);
        (await hub.Live.Hub.Store.Outbound.ListOutboundAsync(10, Token)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_empty_reply_a_closed_and_a_deleted_conversation_are_refused_with_clear_messages_and_nothing_is_half_sent()
    {
        await using var hub = await MessagingHub.StartAsync();
        var id = hub.Conversation.Id;

        var empty = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/conversations/{id}/reply", new { body = "   " });
        // Closed in Intercom while the hub has not heard yet: Intercom's refusal comes back, named.
        hub.Live.DropWebhooks(1);
        hub.Workspace.Close(id, hub.Seated.Id);
        var closedMeanwhile = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/conversations/{id}/reply", new { body = "Still there?" });
        var other = hub.Workspace.AddConversation(hub.Live.Contact.Id, "Another question");
        await hub.Live.StoredAsync(other.Id, _ => true);
        hub.Live.DropWebhooks(1);
        hub.Workspace.DeleteConversation(other.Id);
        var deletedMeanwhile = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/conversations/{other.Id}/reply", new { body = "Hello?" });
        var unknown = await MessagingHub.PostAsync(hub.SeatedApi, "/api/v1/conversations/999999/reply", new { body = "Hello?" });

        empty.Status.ShouldBe(400);
        empty.Body.GetProperty("detail").GetString()!.ShouldContain("The message is empty");
        closedMeanwhile.Status.ShouldBe(422, closedMeanwhile.Body.ToString());
        closedMeanwhile.Body.GetProperty("detail").GetString()!.ShouldContain("Conversation is closed");
        deletedMeanwhile.Status.ShouldBe(422, deletedMeanwhile.Body.ToString());
        deletedMeanwhile.Body.GetProperty("detail").GetString()!.ShouldContain("no longer exists in Intercom");
        unknown.Status.ShouldBe(404);
        hub.Live.Hub.Simulator.Stats.RepliesCreated.ShouldBe(0);
        hub.IntercomParts(id, "Still there?").ShouldBeEmpty();
        (await hub.Live.Hub.Store.Outbound.ListOutboundAsync(10, Token)).Select(s => s.Status).ShouldBe([OutboundStatuses.Failed, OutboundStatuses.Failed]);
    }

    [Fact]
    public async Task A_conversation_the_hub_knows_is_closed_takes_a_note_but_refuses_a_reply_before_sending()
    {
        await using var hub = await MessagingHub.StartAsync();
        var id = hub.Conversation.Id;
        hub.Workspace.Close(id, hub.Seated.Id);
        await hub.Live.StoredAsync(id, v => v.Conversation.State == "closed");

        var reply = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/conversations/{id}/reply", new { body = "Reopening?" });
        var note = await MessagingHub.PostAsync(hub.SeatedApi, $"/api/v1/conversations/{id}/reply", new { body = "Closed as fixed", type = "note" });

        reply.Status.ShouldBe(409);
        reply.Body.GetProperty("detail").GetString()!.ShouldContain("closed in Intercom");
        note.Status.ShouldBe(200, note.Body.ToString());
        hub.Live.Hub.Simulator.Stats.RepliesCreated.ShouldBe(1);
    }
}
