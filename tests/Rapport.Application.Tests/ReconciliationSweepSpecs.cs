using Rapport.IntercomSimulator.Conversations;
using Rapport.Application.Import;
using Rapport.Application.Reconcile;
using Rapport.Application.Settings;
using Rapport.Testing;

namespace Rapport.Application.Tests;

/// <summary>The sweep on its own against the simulator, with no webhook subscription at all: every change is one webhooks missed.</summary>
public sealed class ReconciliationSweepSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_sweep_imports_but_counts_nothing_as_missed_since_there_was_nothing_to_compare_with()
    {
        await using var harness = await ImportHarness.StartAsync();
        harness.Company("acme", users: 2);
        var store = await harness.OpenStoreAsync();
        await EnableOptionOneAsync(store);

        var result = await Sweep(harness, store).RunAsync("timer", cancellationToken: Token);

        result.Missed.ShouldBe(SweepCounts.None);
        result.Read.Companies.ShouldBe(1);
        result.Notes.ShouldContain($"Companies and users: {ReconciliationSweep.FirstImport}.");
        (await store.Browse.FindAccountAsync("acme", Token)).ShouldNotBeNull();
        (await ReconciliationSweep.LoadTotalsAsync(store.SyncState, Token)).ShouldBe(new SweepTotals(1, 0, 0, 0, result.StartedAt));
    }

    [Fact]
    public async Task Each_sweep_counts_what_it_healed_per_kind_and_the_running_total_adds_them_up()
    {
        await using var harness = await ImportHarness.StartAsync();
        var acme = harness.Company("acme", users: 1);
        var globex = harness.Company("globex", users: 1);
        var ada = harness.Workspace.Contacts.First();
        var store = await harness.OpenStoreAsync();
        await EnableOptionOneAsync(store);
        var conversation = harness.Workspace.AddConversation(ada.Id, "Hello?");
        // A conversation from last week: outside the day of overlap every conversations run reads again.
        (conversation.CreatedAt, conversation.UpdatedAt) = (conversation.CreatedAt.AddDays(-7), conversation.UpdatedAt.AddDays(-7));
        await Sweep(harness, store).RunAsync("timer", cancellationToken: Token);

        harness.Workspace.UpdateCompany(acme.Id, c => c.Plan = "Enterprise");
        harness.Workspace.UpdateCompany(globex.Id, c => c.Name = "Globex Corporation");
        var first = await Sweep(harness, store).RunAsync("timer", cancellationToken: Token);
        harness.Workspace.UpdateContact(ada.Id, c => c.Name = "Ada L.");
        harness.Workspace.Reply(conversation.Id, SimulatedAuthor.For(harness.Workspace.Admins[0]), "Hello!");
        var second = await Sweep(harness, store).RunAsync("someone", cancellationToken: Token);
        var quiet = await Sweep(harness, store).RunAsync("timer", cancellationToken: Token);

        first.Missed.ShouldBe(new SweepCounts(2, 0, 0));
        second.Missed.ShouldBe(new SweepCounts(0, 1, 1));
        (quiet.Missed.Companies, quiet.Missed.Users).ShouldBe((0, 0));
        (await store.Browse.FindAccountAsync("globex", Token))!.Name.ShouldBe("Globex Corporation");
        var last = (await ReconciliationSweep.LoadLastAsync(store.SyncState, Token)).ShouldNotBeNull();
        (last.StartedAt, last.Trigger, last.Missed, last.Read, last.ApiCalls).ShouldBe((quiet.StartedAt, "timer", quiet.Missed, quiet.Read, quiet.ApiCalls), "the last result is kept");
        var totals = await ReconciliationSweep.LoadTotalsAsync(store.SyncState, Token);
        (totals.Sweeps, totals.Companies, totals.Users).ShouldBe((4, 2, 1));
        totals.Conversations.ShouldBe(first.Missed.Conversations!.Value + second.Missed.Conversations!.Value + quiet.Missed.Conversations!.Value);
        totals.Total.ShouldBe(totals.Companies + totals.Users + totals.Conversations);
    }

    [Fact]
    public async Task With_user_and_company_import_off_the_sweep_reads_conversations_only()
    {
        await using var harness = await ImportHarness.StartAsync();
        harness.Company("acme", users: 1);
        var ada = harness.Workspace.Contacts.First();
        harness.Workspace.AddConversation(ada.Id, "Anyone there?");
        var store = await harness.OpenStoreAsync();

        var result = await Sweep(harness, store).RunAsync("timer", cancellationToken: Token);

        result.Notes.ShouldContain(ReconciliationSweep.OptionOneOff);
        (result.Read.Companies, result.Read.Conversations).ShouldBe((null, 1));
        (await store.Browse.CountAsync(Token)).ActiveAccounts.ShouldBe(0);
        (await store.Conversations.CountConversationsAsync(Token)).Conversations.ShouldBe(1);
    }

    private static ReconciliationSweep Sweep(ImportHarness harness, HubStores store) => store.Create<ReconciliationSweep>(harness.Client(), TimeProvider.System);

    private static async Task EnableOptionOneAsync(HubStores store)
    {
        await new IntercomIntegrationSettings { ImportUsersAndCompanies = true }.SaveAsync(store.SyncState, Token);
        await store.SyncState.SetSyncStateAsync(IntercomIntegrationSettings.EnabledKey, TimeProvider.System.GetUtcNow().ToString("O"), Token);
    }
}
