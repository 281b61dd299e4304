using Rapport.Hub.Accounts;
using Rapport.Hub.Rules;
using Rapport.Application.Import;

namespace Rapport.Application.Tests;

public sealed class QualificationSpecs
{
    [Fact]
    public async Task A_company_seen_89_days_ago_comes_in_and_one_seen_91_days_ago_does_not()
    {
        await using var harness = await ImportHarness.StartAsync();
        harness.Company("recent", daysAgo: 89, users: 1);
        harness.Company("stale", daysAgo: 91, users: 1);
        var store = await harness.OpenStoreAsync();

        var summary = await harness.ImportAsync(store);

        (await store.Browse.FindAccountAsync("recent", TestContext.Current.CancellationToken)).ShouldNotBeNull().Status.ShouldBe(RecordStatus.Active);
        (await store.Browse.FindAccountAsync("stale", TestContext.Current.CancellationToken)).ShouldBeNull();
        summary.Companies.Seen.ShouldBe(2);
        summary.Companies.Qualified.ShouldBe(1);
        summary.Companies.Skipped.ShouldBe(new Dictionary<string, int> { ["not seen in the last 90 days"] = 1 });
    }

    [Fact]
    public async Task The_last_seen_window_is_configurable()
    {
        await using var harness = await ImportHarness.StartAsync();
        harness.Company("forty", daysAgo: 40);
        harness.Company("ten", daysAgo: 10);
        var store = await harness.OpenStoreAsync();

        await harness.ImportAsync(store, new ImportOptions { LastSeenDays = 30 });

        (await store.Browse.FindAccountAsync("ten", TestContext.Current.CancellationToken)).ShouldNotBeNull();
        (await store.Browse.FindAccountAsync("forty", TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task Qualification_rules_decide_which_companies_come_in_and_say_why_others_did_not()
    {
        await using var harness = await ImportHarness.StartAsync();
        harness.Company("paying", plan: "Enterprise");
        harness.Company("free", plan: "Free");
        var big = harness.Company("big-free", plan: "Free");
        harness.Workspace.UpdateCompany(big.Id, c => c.CustomAttributes["seats"] = 250);
        var store = await harness.OpenStoreAsync();
        var options = new ImportOptions { Qualification = Condition.Parse("plan != Free or custom_attributes.seats > 100") };

        var summary = await harness.ImportAsync(store, options);

        (await store.Browse.FindAccountAsync("paying", TestContext.Current.CancellationToken)).ShouldNotBeNull();
        (await store.Browse.FindAccountAsync("big-free", TestContext.Current.CancellationToken)).ShouldNotBeNull();
        (await store.Browse.FindAccountAsync("free", TestContext.Current.CancellationToken)).ShouldBeNull();
        summary.Companies.Skipped.ShouldBe(new Dictionary<string, int> { [CompanyQualifier.RulesNotMet] = 1 });
    }

    [Fact]
    public async Task Companies_without_company_id_and_never_seen_companies_are_skipped_by_reason()
    {
        await using var harness = await ImportHarness.StartAsync();
        harness.Company("fine");
        harness.Workspace.AddCompany(c => { c.Name = "No id"; c.LastRequestAt = harness.Now.AddDays(-1); });
        harness.Workspace.AddCompany(c => { c.CompanyId = "never"; c.LastRequestAt = null; });
        var store = await harness.OpenStoreAsync();

        var summary = await harness.ImportAsync(store);

        summary.Companies.Qualified.ShouldBe(1);
        summary.Companies.Skipped.ShouldBe(new Dictionary<string, int>
        {
            [CompanyQualifier.MissingCompanyId] = 1,
            [CompanyQualifier.NeverSeen] = 1,
        });
        (await store.Browse.CountAsync(TestContext.Current.CancellationToken)).ActiveAccounts.ShouldBe(1);
    }

    [Fact]
    public async Task All_of_the_company_data_is_kept_plan_tags_segments_and_custom_attributes()
    {
        await using var harness = await ImportHarness.StartAsync();
        var company = harness.Company("acme", plan: "Enterprise", users: 1);
        var tag = harness.Workspace.AddTag("VIP");
        var segment = harness.Workspace.AddSegment("Active accounts");
        harness.Workspace.UpdateCompany(company.Id, c =>
        {
            c.TagIds.Add(tag.Id);
            c.SegmentIds.Add(segment.Id);
            c.CustomAttributes["tier"] = "gold";
            c.CustomAttributes["seats"] = 42;
            c.MonthlySpend = 1200;
            c.Industry = "Logistics";
        });
        var store = await harness.OpenStoreAsync();

        await harness.ImportAsync(store);

        var account = (await store.Browse.FindAccountAsync("acme", TestContext.Current.CancellationToken)).ShouldNotBeNull();
        var source = account.Sources.ShouldHaveSingleItem();
        source.Source.ShouldBe(IntercomSource.Name);
        source.SourceId.ShouldBe(company.Id);
        source.Plan.ShouldBe("Enterprise");
        source.MonthlySpend.ShouldBe(1200m);
        source.Industry.ShouldBe("Logistics");
        source.Tags.ShouldBe(["VIP"]);
        source.Segments.ShouldBe(["Active accounts"]);
        source.CustomAttributesJson.ShouldContain("\"tier\":\"gold\"");
        source.RawJson.ShouldContain($"\"id\":\"{company.Id}\"");
        source.RawJson.ShouldContain("\"session_count\"");
    }
}
