namespace Rapport.Web.Tests.Playbooks;

/// <summary>Playbooks whose action goes on a conversation: a note (or reply) on the account's latest open conversation.</summary>
public sealed class PlaybookConversationSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_note_playbook_adds_one_note_on_the_accounts_open_conversation_as_the_senders_admin()
    {
        await using var hub = await PlaybookHub.StartAsync();
        var user = hub.Users[1];
        var workspace = hub.Hub.Simulator.Workspace;
        var seated = workspace.Admins.First(a => a.HasInboxSeat);
        var closed = workspace.AddConversation(user.Id, "<p>Old question, answered</p>");
        workspace.Close(closed.Id, seated.Id);
        var open = workspace.AddConversation(user.Id, "<p>Exports keep failing</p>");
        await WebHub.EventuallyAsync(async () =>
            await hub.Hub.Store.Conversations.GetConversationAsync("intercom", open.Id, Token) is { Conversation.State: "open" }
            && await hub.Hub.Store.Conversations.GetConversationAsync("intercom", closed.Id, Token) is { Conversation.State: "closed" }, "both conversations are stored");
        var id = await hub.CreateAsync(hub.Playbook(p => (p["action"], p["body"]) = ("note", "{{user.name}} hit an export failure: check the job log.")));

        await hub.TrackAsync(user);
        var audit = await hub.AuditWhenAsync(id, a => a.Count == 1 && a[0].GetProperty("intercomId").ValueKind == JsonValueKind.String, "the note is sent");

        var note = workspace.FindConversation(open.Id)!.Parts.Where(p => p.PartType == "note").ShouldHaveSingleItem();
        note.Author.Id.ShouldBe(seated.Id);
        note.Body!.ShouldContain("hit an export failure: check the job log.");
        audit[0].GetProperty("intercomId").GetString().ShouldBe(note.Id);
        workspace.FindConversation(closed.Id)!.Parts.ShouldNotContain(p => p.PartType == "note");
        hub.Hub.Simulator.Stats.RepliesCreated.ShouldBe(1);
        hub.MessagesCreated.ShouldBe(0);
    }
}
