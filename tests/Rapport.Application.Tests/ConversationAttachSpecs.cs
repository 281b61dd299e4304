using Rapport.Hub.Conversations;
using Rapport.IntercomSimulator.Conversations;
using Rapport.Application.Conversations;
using Rapport.Application.Import;
using Rapport.Testing;

namespace Rapport.Application.Tests;

public sealed class ConversationAttachSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<ConversationImportSummary> ImportConversationsAsync(ImportHarness harness, HubStores store, bool byContact = true) =>
        store.Create<ConversationImporter>(harness.Client(), new ConversationImportOptions { AttachByContact = byContact }, TimeProvider.System)
            .RunAsync(cancellationToken: Token);

    [Fact]
    public async Task With_users_not_imported_conversations_attach_by_email_and_ambiguous_emails_are_reported()
    {
        await using var harness = await ImportHarness.StartAsync();
        var acme = harness.Company("acme", users: 1);
        var ada = harness.Workspace.Contacts.Single();
        var twinA = harness.User("twin-a", acme.Id);
        var twinB = harness.User("twin-b", acme.Id);
        harness.Workspace.UpdateContact(twinB.Id, c => c.Email = twinA.Email);
        var stranger = harness.Workspace.AddContact(c => { c.Role = "user"; c.Email = "stranger@example.com"; });
        var store = await harness.OpenStoreAsync();
        await harness.ImportAsync(store);
        var byAda = harness.Workspace.AddConversation(ada.Id, "Hi");
        var byTwin = harness.Workspace.AddConversation(twinA.Id, "Which of us?");
        var byStranger = harness.Workspace.AddConversation(stranger.Id, "Who am I?");
        var toAda = harness.Workspace.AddConversation(ada.Id, "Checking in", deliveredAs: "admin_initiated");

        var summary = await ImportConversationsAsync(harness, store, byContact: false);

        (await store.Conversations.GetConversationAsync("intercom", byAda.Id, Token)).ShouldNotBeNull().Conversation.UserExternalIds.ShouldBe(["acme-user-0"]);
        (await store.Conversations.GetConversationAsync("intercom", toAda.Id, Token)).ShouldNotBeNull().Conversation.UserExternalIds.ShouldBe(["acme-user-0"]);
        (await store.Conversations.GetConversationAsync("intercom", byTwin.Id, Token)).ShouldNotBeNull().Conversation.UserExternalIds.ShouldBeEmpty();
        (await store.Conversations.GetConversationAsync("intercom", byStranger.Id, Token)).ShouldNotBeNull().Conversation.UserExternalIds.ShouldBeEmpty();
        summary.AmbiguousEmails.ShouldBe([twinA.Email!.ToLowerInvariant()]);
        summary.Unattached.ShouldBe(2);
    }

    [Fact]
    public async Task Importing_again_adds_the_new_parts_without_duplicating_the_old_ones()
    {
        await using var harness = await ImportHarness.StartAsync();
        harness.Company("acme", users: 1);
        var ada = harness.Workspace.Contacts.Single();
        var conversation = harness.Workspace.AddConversation(ada.Id, "First question");
        harness.Workspace.Reply(conversation.Id, SimulatedAuthor.For(harness.Workspace.Admins[0]), "First answer");
        var store = await harness.OpenStoreAsync();
        await harness.ImportAsync(store, new ImportOptions { Conversations = true });
        harness.Workspace.Reply(conversation.Id, SimulatedAuthor.For(ada), "A follow-up");

        var again = await ImportConversationsAsync(harness, store);

        var parts = (await store.Conversations.GetConversationAsync("intercom", conversation.Id, Token)).ShouldNotBeNull().Parts;
        parts.Select(p => p.Body).ShouldBe(["First question", "First answer", "A follow-up"]);
        again.PartsStored.ShouldBe(1);
        (await store.Conversations.CountConversationsAsync(Token)).Parts.ShouldBe(3);
    }

    [Fact]
    public async Task A_newer_copy_already_stored_is_not_overwritten_by_an_older_read()
    {
        await using var harness = await ImportHarness.StartAsync();
        harness.Company("acme", users: 1);
        var ada = harness.Workspace.Contacts.Single();
        var conversation = harness.Workspace.AddConversation(ada.Id, "Is it fixed?");
        var store = await harness.OpenStoreAsync();
        await harness.ImportAsync(store, new ImportOptions { Conversations = true });
        // As a webhook would bring it: the conversation closed an hour later than Intercom's list still says.
        var stored = (await store.Conversations.GetConversationAsync("intercom", conversation.Id, Token)).ShouldNotBeNull();
        var newer = new SourceConversation(
            "intercom", conversation.Id, "closed", false, "conversation", "customer_initiated", false, null, null, 2, false,
            stored.Conversation.CreatedAt, stored.Conversation.UpdatedAt!.Value.AddHours(1), stored.RawJson, ["acme-user-0"],
            [new ConversationPart("close-1", "close", null, "admin", "1", "Admin", null, stored.Conversation.UpdatedAt.Value.AddHours(1), null, "[]")]);
        await store.Conversations.ApplyConversationsAsync([newer], [], cancellationToken: Token);

        var summary = await ImportConversationsAsync(harness, store);

        summary.Stale.ShouldBe(1);
        summary.Stored.ShouldBe(0);
        var after = (await store.Conversations.GetConversationAsync("intercom", conversation.Id, Token)).ShouldNotBeNull();
        after.Conversation.State.ShouldBe("closed");
        after.Parts.Select(p => p.PartId).ShouldContain("close-1");
    }
}
