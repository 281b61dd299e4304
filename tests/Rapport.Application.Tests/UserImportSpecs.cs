using Rapport.Hub.Accounts;

namespace Rapport.Application.Tests;

public sealed class UserImportSpecs
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Users_come_in_only_through_imported_companies()
    {
        await using var harness = await ImportHarness.StartAsync();
        var imported = harness.Company("in", daysAgo: 3);
        var stale = harness.Company("out", daysAgo: 200);
        harness.User("alice", imported.Id);
        harness.User("bob", stale.Id);
        harness.User("carol");
        var store = await harness.OpenStoreAsync();

        var summary = await harness.ImportAsync(store);

        (await store.Browse.FindUserAsync("alice", Ct)).ShouldNotBeNull().AccountExternalIds.ShouldBe(["in"]);
        (await store.Browse.FindUserAsync("bob", Ct)).ShouldBeNull();
        (await store.Browse.FindUserAsync("carol", Ct)).ShouldBeNull();
        summary.Users.Imported.ShouldBe(1);
        summary.Users.Skipped["in no imported company"].ShouldBe(2);
    }

    [Fact]
    public async Task A_user_in_two_companies_is_linked_to_both()
    {
        await using var harness = await ImportHarness.StartAsync();
        var first = harness.Company("first");
        var second = harness.Company("second");
        harness.User("dana", first.Id, second.Id);
        var store = await harness.OpenStoreAsync();

        await harness.ImportAsync(store);

        var user = (await store.Browse.FindUserAsync("dana", Ct)).ShouldNotBeNull();
        user.AccountExternalIds.Order().ShouldBe(["first", "second"]);
        (await store.Browse.FindAccountAsync("second", Ct)).ShouldNotBeNull().UserExternalIds.ShouldBe(["dana"]);
    }

    [Fact]
    public async Task A_user_in_more_companies_than_Intercom_lists_inline_is_linked_to_all_of_them()
    {
        await using var harness = await ImportHarness.StartAsync();
        var companies = Enumerable.Range(0, 13).Select(i => harness.Company($"c{i:00}")).ToList();
        harness.User("erin", companies.Select(c => c.Id).ToArray());
        var store = await harness.OpenStoreAsync();

        await harness.ImportAsync(store);

        (await store.Browse.FindUserAsync("erin", Ct)).ShouldNotBeNull().AccountExternalIds.Count.ShouldBe(13);
    }

    [Fact]
    public async Task Leads_are_skipped()
    {
        await using var harness = await ImportHarness.StartAsync();
        var company = harness.Company("acme");
        var lead = harness.User("lead-1", company.Id);
        harness.Workspace.UpdateContact(lead.Id, c => c.Role = "lead");
        harness.User("user-1", company.Id);
        var store = await harness.OpenStoreAsync();

        var summary = await harness.ImportAsync(store);

        (await store.Browse.FindUserAsync("lead-1", Ct)).ShouldBeNull();
        (await store.Browse.FindUserAsync("user-1", Ct)).ShouldNotBeNull();
        summary.Users.Skipped["lead"].ShouldBe(1);
        summary.Users.ContactsSeen.ShouldBe(2);
    }

    [Fact]
    public async Task Users_without_user_id_are_skipped_and_counted()
    {
        await using var harness = await ImportHarness.StartAsync();
        var company = harness.Company("acme");
        harness.User(null, company.Id);
        harness.User("has-id", company.Id);
        var store = await harness.OpenStoreAsync();

        var summary = await harness.ImportAsync(store);

        summary.Users.Imported.ShouldBe(1);
        summary.Users.Skipped["missing user_id"].ShouldBe(1);
    }

    [Fact]
    public async Task A_company_that_stops_qualifying_is_marked_inactive_with_the_reason_not_deleted()
    {
        await using var harness = await ImportHarness.StartAsync();
        var company = harness.Company("fading", users: 1);
        harness.Company("steady", users: 1);
        var store = await harness.OpenStoreAsync();
        await harness.ImportAsync(store);

        harness.Workspace.UpdateCompany(company.Id, c => c.LastRequestAt = harness.Now.AddDays(-120));
        var summary = await harness.ImportAsync(store);

        var account = (await store.Browse.FindAccountAsync("fading", Ct)).ShouldNotBeNull();
        account.Status.ShouldBe(RecordStatus.Inactive);
        account.StatusReason.ShouldNotBeNull().ShouldContain("not seen in the last 90 days");
        summary.Companies.Deactivated.ShouldBe(1);
        (await store.Browse.FindUserAsync("fading-user-0", Ct)).ShouldNotBeNull().Status.ShouldBe(RecordStatus.Inactive);
        (await store.Browse.FindUserAsync("steady-user-0", Ct)).ShouldNotBeNull().Status.ShouldBe(RecordStatus.Active);
    }
}
