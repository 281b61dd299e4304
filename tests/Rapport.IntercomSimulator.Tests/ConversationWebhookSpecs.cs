using System.Net;

namespace Rapport.IntercomSimulator.Tests;

public sealed class ConversationWebhookSpecs
{
    private static Task<IntercomSimulatorServer> StartAsync(Uri webhookUrl) => SimulatorServers.StartWithWebhooksAsync(webhookUrl, contacts: 120);

    [Fact]
    public async Task A_user_reply_through_the_control_api_notifies_conversation_user_replied_with_only_that_part()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await StartAsync(receiver.Url);
        using var api = new Api(server);
        var conversation = server.Workspace.Conversations.First(c => c.Source.DeliveredAs == "customer_initiated" && c.Parts.Count > 1);

        var reply = await api.PostAsync($"/_simulator/conversations/{conversation.Id}/reply", """{"body":"It works <b>now</b>, thanks"}""");
        var hook = (await receiver.WaitForAsync(1)).Single();

        reply.Status.ShouldBe(HttpStatusCode.OK);
        hook.Topic.ShouldBe("conversation.user.replied");
        hook.Item.GetProperty("id").GetString().ShouldBe(conversation.Id);
        var part = hook.Item.GetProperty("conversation_parts").GetProperty("conversation_parts").EnumerateArray().Single();
        part.GetProperty("part_type").GetString().ShouldBe("comment");
        part.GetProperty("author").GetProperty("type").GetString().ShouldBeOneOf("user", "lead");
        part.GetProperty("author").GetProperty("id").GetString().ShouldBe(conversation.ContactIds[0]);
        part.GetProperty("body").GetString().ShouldBe("It works <b>now</b>, thanks", "2.15+ webhooks carry plain text; the reply was sent as text");
        hook.Item.GetProperty("updated_at").GetInt64().ShouldBe(SimulatorServers.Now.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Admin_bot_note_assignment_close_snooze_and_reopen_notify_their_topics()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await StartAsync(receiver.Url);
        var workspace = server.Workspace;
        var admin = workspace.Admins[1];
        var id = workspace.Conversations.First(c => c.Open).Id;

        workspace.Reply(id, Conversations.SimulatedAuthor.For(admin), "<p>On it</p>");
        workspace.Reply(id, workspace.Bot, "<p>Here is an article</p>");
        workspace.AddNote(id, admin.Id, "<p>VIP</p>");
        workspace.Assign(id, admin.Id, workspace.Admins[2].Id);
        workspace.Snooze(id, admin.Id, SimulatorServers.Now.AddHours(2));
        workspace.Close(id, admin.Id);
        workspace.Reopen(id, admin.Id);
        var hooks = await receiver.WaitForAsync(7);

        hooks.Select(h => h.Topic).ShouldBe(
            ["conversation.admin.replied", "conversation.operator.replied", "conversation.admin.noted", "conversation.admin.assigned",
             "conversation.admin.snoozed", "conversation.admin.closed", "conversation.admin.opened"],
            ignoreOrder: true);
        var bot = hooks.Single(h => h.Topic == "conversation.operator.replied").Item.GetProperty("conversation_parts").GetProperty("conversation_parts")[0];
        bot.GetProperty("author").GetProperty("type").GetString().ShouldBe("bot");
        var closed = hooks.Single(h => h.Topic == "conversation.admin.closed").Item;
        closed.GetProperty("state").GetString().ShouldBe("closed");
        closed.GetProperty("open").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task New_conversations_notify_by_who_started_them_and_a_deletion_sends_only_the_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await StartAsync(receiver.Url);
        using var api = new Api(server);
        var workspace = server.Workspace;
        var user = workspace.Contacts.First(c => c.Role == "user");

        var started = await api.PostAsync("/_simulator/conversations", $$"""{"contact_id":"{{user.Id}}","body":"Help please"}""");
        workspace.AddConversation(user.Id, "<p>Hello from the team</p>", "admin_initiated");
        workspace.AddConversation(user.Id, "<p>Your trial ends soon</p>", "automated", "email");
        var startedId = started.Body.GetProperty("id").GetString()!;
        (await api.DeleteAsync($"/_simulator/conversations/{startedId}")).Status.ShouldBe(HttpStatusCode.NoContent);
        await receiver.WaitForAsync(3);
        var hooks = await receiver.SettleAsync();

        hooks.Select(h => h.Topic).ShouldBe(["conversation.user.created", "conversation.admin.single.created", "conversation.deleted"], ignoreOrder: true);
        var created = hooks.Single(h => h.Topic == "conversation.user.created").Item;
        created.GetProperty("source").GetProperty("body").GetString().ShouldBe("Help please");
        created.GetProperty("conversation_parts").GetProperty("conversation_parts").GetArrayLength().ShouldBe(0);
        var deleted = hooks.Single(h => h.Topic == "conversation.deleted").Item;
        deleted.GetProperty("id").GetString().ShouldBe(startedId);
        deleted.EnumerateObject().Select(p => p.Name).ShouldBe(["type", "id"]);
        (await api.GetAsync($"/conversations/{startedId}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Dropped_webhooks_never_arrive_and_are_logged_as_dropped()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await StartAsync(receiver.Url);
        using var api = new Api(server);
        var workspace = server.Workspace;
        var id = workspace.Conversations[0].Id;

        (await api.PostAsync("/_simulator/webhooks/drop", """{"count":2}""")).Status.ShouldBe(HttpStatusCode.NoContent);
        workspace.AddNote(id, workspace.Admins[0].Id, "<p>one</p>");
        workspace.AddNote(id, workspace.Admins[0].Id, "<p>two</p>");
        workspace.AddNote(id, workspace.Admins[0].Id, "<p>three</p>");
        var arrived = await receiver.WaitForAsync(1);
        var settled = await receiver.SettleAsync();

        settled.Count.ShouldBe(1);
        arrived[0].Item.GetProperty("conversation_parts").GetProperty("conversation_parts")[0].GetProperty("body").GetString().ShouldBe("three");
        server.Deliveries.Count(d => d.Status == "dropped").ShouldBe(2);
        workspace.FindConversation(id)!.Parts.Count(p => p.PartType == "note").ShouldBeGreaterThanOrEqualTo(3);
    }
}
