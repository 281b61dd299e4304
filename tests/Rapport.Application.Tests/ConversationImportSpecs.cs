using Rapport.IntercomSimulator;
using Rapport.IntercomSimulator.Conversations;
using Rapport.Application.Conversations;
using Rapport.Application.Import;

namespace Rapport.Application.Tests;

public sealed class ConversationImportSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly ImportOptions WithConversations = new() { Conversations = true };

    private static SimulatedAuthor Admin(SimulatorWorkspace workspace) => SimulatedAuthor.For(workspace.Admins[0]);

    [Fact]
    public async Task A_conversation_longer_than_one_read_is_stored_with_the_parts_returned_and_flagged()
    {
        await using var harness = await ImportHarness.StartAsync();
        harness.Company("acme", users: 1);
        var ada = harness.Workspace.Contacts.Single();
        var conversation = harness.Workspace.AddConversation(ada.Id, "Hello, the export is broken");
        for (var i = 0; i < 520; i++)
            harness.Workspace.Reply(conversation.Id, i % 2 == 0 ? Admin(harness.Workspace) : SimulatedAuthor.For(ada), $"message {i}");
        var store = await harness.OpenStoreAsync();

        var summary = await harness.ImportAsync(store, WithConversations);

        var stored = (await store.Conversations.GetConversationAsync("intercom", conversation.Id, Token)).ShouldNotBeNull();
        stored.Conversation.PartsTruncated.ShouldBeTrue();
        stored.Conversation.PartCount.ShouldBe(520);
        stored.Parts.Count(p => p.PartType != "source").ShouldBe(500);
        stored.Parts.Last().Body.ShouldBe("message 519");
        stored.Parts.First().Body.ShouldBe("Hello, the export is broken");
        stored.Conversation.UserExternalIds.ShouldBe(["acme-user-0"]);
        summary.Conversations.ShouldNotBeNull().Truncated.ShouldBe(1);
        summary.Conversations.PartsStored.ShouldBe(501);
    }

    [Fact]
    public async Task Bot_parts_are_stored_with_author_kind_bot_and_counted()
    {
        await using var harness = await ImportHarness.StartAsync();
        harness.Company("acme", users: 1);
        var ada = harness.Workspace.Contacts.Single();
        var conversation = harness.Workspace.AddConversation(ada.Id, "How do I reset my password?");
        harness.Workspace.Reply(conversation.Id, harness.Workspace.Bot, "Here is how to reset it.");
        harness.Workspace.Reply(conversation.Id, SimulatedAuthor.For(ada), "Thanks, Fin");
        var store = await harness.OpenStoreAsync();

        var summary = await harness.ImportAsync(store, WithConversations);

        var parts = (await store.Conversations.GetConversationAsync("intercom", conversation.Id, Token)).ShouldNotBeNull().Parts;
        parts.Select(p => p.AuthorKind).ShouldBe(["user", "bot", "user"]);
        parts[1].AuthorName.ShouldBe("Fin");
        summary.Conversations.ShouldNotBeNull().BotParts.ShouldBe(1);
        (await store.Conversations.CountConversationsAsync(Token)).BotParts.ShouldBe(1);
    }

    [Fact]
    public async Task Outbound_emails_posts_and_tickets_are_excluded_and_counted_per_kind()
    {
        await using var harness = await ImportHarness.StartAsync();
        harness.Company("acme", users: 1);
        var ada = harness.Workspace.Contacts.Single();
        var inbound = harness.Workspace.AddConversation(ada.Id, "A question");
        var adminChat = harness.Workspace.AddConversation(ada.Id, "Checking in", deliveredAs: "admin_initiated");
        var campaign = harness.Workspace.AddConversation(ada.Id, "Our spring release", deliveredAs: "campaigns_initiated", sourceType: "email");
        var reminder = harness.Workspace.AddConversation(ada.Id, "Your trial ends", deliveredAs: "automated", sourceType: "email");
        var post = harness.Workspace.AddConversation(ada.Id, "New dashboard", deliveredAs: "automated", sourceType: "push");
        var ticket = harness.Workspace.AddConversation(ada.Id, "Refund please", configure: c => c.Ticket = new SimulatedTicket("t1", "1", "Customer", "Refund", "submitted"));
        var store = await harness.OpenStoreAsync();

        var summary = await harness.ImportAsync(store, WithConversations);

        var counts = summary.Conversations.ShouldNotBeNull();
        counts.Seen.ShouldBe(6);
        counts.Stored.ShouldBe(2);
        counts.Excluded.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value))
            .ShouldBe([("outbound email", 2), ("outbound post", 1), ("ticket", 1)]);
        foreach (var excluded in new[] { campaign, reminder, post, ticket })
            (await store.Conversations.GetConversationAsync("intercom", excluded.Id, Token)).ShouldBeNull();
        (await store.Conversations.GetConversationAsync("intercom", inbound.Id, Token)).ShouldNotBeNull();
        (await store.Conversations.GetConversationAsync("intercom", adminChat.Id, Token)).ShouldNotBeNull();
        (await store.Conversations.CountConversationsAsync(Token)).Excluded["outbound email"].ShouldBe(2);
    }

    [Fact]
    public async Task A_conversation_Rapport_started_is_kept_even_as_an_admin_initiated_email()
    {
        await using var harness = await ImportHarness.StartAsync();
        harness.Company("acme", users: 1);
        var ada = harness.Workspace.Contacts.Single();
        var ours = harness.Workspace.AddConversation(ada.Id, "Sent from Rapport", deliveredAs: "admin_initiated", sourceType: "email");
        var store = await harness.OpenStoreAsync();
        await harness.ImportAsync(store);

        var summary = await store.Create<ConversationImporter>(
            harness.Client(), new ConversationImportOptions { StartedByRapport = new HashSet<string>([ours.Id]) }, TimeProvider.System)
            .RunAsync(cancellationToken: Token);

        summary.Stored.ShouldBe(1);
        summary.Excluded.ShouldBeEmpty();
    }
}
