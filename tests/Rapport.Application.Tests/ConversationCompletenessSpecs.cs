using Rapport.IntercomSimulator;
using Rapport.IntercomSimulator.Conversations;
using Rapport.Application.Conversations;
using Rapport.Application.Import;
using Rapport.Testing;

namespace Rapport.Application.Tests;

/// <summary>Every part ever seen is kept past Intercom's 500-part cap, and the completeness audit repairs what fell short.</summary>
public sealed class ConversationCompletenessSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ConversationImporter Importer(ImportHarness harness, HubStores store) =>
        store.Create<ConversationImporter>(harness.Client(), new ConversationImportOptions(), TimeProvider.System);

    private static ConversationAudit Audit(ImportHarness harness, HubStores store) =>
        store.Create<ConversationAudit>(harness.Client(), new ConversationImportOptions());

    private static void Replies(ImportHarness harness, string conversationId, SimulatedContact contact, int count, int from = 0)
    {
        var admin = SimulatedAuthor.For(harness.Workspace.Admins[0]);
        for (var i = from; i < from + count; i++)
            harness.Workspace.Reply(conversationId, i % 2 == 0 ? admin : SimulatedAuthor.For(contact), $"message {i}");
    }

    private static async Task<(ImportHarness Harness, HubStores Store, SimulatedContact Ada)> StartAsync()
    {
        var harness = await ImportHarness.StartAsync();
        harness.Company("acme", users: 1);
        var store = await harness.OpenStoreAsync();
        return (harness, store, harness.Workspace.Contacts.Single());
    }

    [Fact]
    public async Task A_conversation_grown_past_500_parts_keeps_every_part_it_was_ever_read_with_and_is_not_flagged()
    {
        var (harness, store, ada) = await StartAsync();
        await using var _ = harness;
        var conversation = harness.Workspace.AddConversation(ada.Id, "Opening message");
        Replies(harness, conversation.Id, ada, 300);
        await harness.ImportAsync(store, new ImportOptions { Conversations = true });
        Replies(harness, conversation.Id, ada, 300, from: 300);

        var again = await Importer(harness, store).RunAsync(cancellationToken: Token);

        var stored = (await store.Conversations.GetConversationAsync("intercom", conversation.Id, Token)).ShouldNotBeNull();
        stored.Conversation.PartCount.ShouldBe(600);
        stored.Parts.Count.ShouldBe(601, "the opening message and all 600 parts, though Intercom now returns only the last 500");
        stored.Parts.Skip(1).Select(p => p.Body).ShouldBe(Enumerable.Range(0, 600).Select(i => $"message {i}"));
        stored.Conversation.PartsTruncated.ShouldBeFalse();
        again.Truncated.ShouldBe(0);
        again.PartsStored.ShouldBe(300);
    }

    [Fact]
    public async Task A_conversation_whose_older_parts_were_never_seen_stays_flagged_after_the_audit_reads_it_again()
    {
        var (harness, store, ada) = await StartAsync();
        await using var _ = harness;
        var conversation = harness.Workspace.AddConversation(ada.Id, "Opening message");
        Replies(harness, conversation.Id, ada, 520);
        await harness.ImportAsync(store, new ImportOptions { Conversations = true });

        var audit = await Audit(harness, store).RunAsync(Token);

        audit.Checked.ShouldBe(1);
        audit.Refetched.ShouldBe(1);
        audit.Repaired.ShouldBe(0);
        audit.StillIncomplete.ShouldBe(1);
        audit.Incomplete.ShouldBe([conversation.Id]);
        var stored = (await store.Conversations.GetConversationAsync("intercom", conversation.Id, Token)).ShouldNotBeNull();
        stored.Conversation.PartsTruncated.ShouldBeTrue();
        stored.Parts.Count.ShouldBe(501);
    }

    [Fact]
    public async Task The_audit_reads_again_a_conversation_whose_stored_parts_fall_short_and_leaves_complete_ones_alone()
    {
        var (harness, store, ada) = await StartAsync();
        await using var _ = harness;
        var complete = harness.Workspace.AddConversation(ada.Id, "All is well");
        var behind = harness.Workspace.AddConversation(ada.Id, "Something broke");
        Replies(harness, behind.Id, ada, 2);
        await harness.ImportAsync(store, new ImportOptions { Conversations = true });
        // Two answers Rapport never heard of: no import ran since, and no webhook reached it.
        Replies(harness, behind.Id, ada, 2, from: 2);
        var before = harness.Simulator.Stats.Total;

        var audit = await Audit(harness, store).RunAsync(Token);

        audit.Checked.ShouldBe(2);
        audit.Complete.ShouldBe(1);
        audit.Refetched.ShouldBe(1);
        audit.Repaired.ShouldBe(1);
        audit.PartsAdded.ShouldBe(2);
        audit.StillIncomplete.ShouldBe(0);
        (harness.Simulator.Stats.Total - before).ShouldBe(2, "one list page and one read of the conversation that fell short");
        var stored = (await store.Conversations.GetConversationAsync("intercom", behind.Id, Token)).ShouldNotBeNull();
        stored.Parts.Select(p => p.Body).ShouldBe(["Something broke", "message 0", "message 1", "message 2", "message 3"]);
        (await store.Conversations.GetConversationAsync("intercom", complete.Id, Token)).ShouldNotBeNull().Parts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Importing_again_with_nothing_new_counts_nothing_stored()
    {
        var (harness, store, ada) = await StartAsync();
        await using var _ = harness;
        harness.Workspace.AddConversation(ada.Id, "One");
        harness.Workspace.AddConversation(ada.Id, "Two");
        await harness.ImportAsync(store, new ImportOptions { Conversations = true });

        var again = await Importer(harness, store).RunAsync(cancellationToken: Token);

        again.Seen.ShouldBe(2, "the search overlaps the last run by a day");
        again.Stored.ShouldBe(0);
        again.Stale.ShouldBe(2);
        again.PartsStored.ShouldBe(0);
    }
}
