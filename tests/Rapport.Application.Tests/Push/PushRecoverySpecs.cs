using Rapport.Application.Push;
using Rapport.Application.Settings;

namespace Rapport.Application.Tests.Push;

/// <summary>The push when things go wrong or change shape: deleted companies, 429 storms, stale attributes, the 250 limit.</summary>
public sealed class PushRecoverySpecs
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_company_deleted_in_Intercom_is_skipped_and_reported_and_nothing_is_created()
    {
        await using var hub = await PushHarness.StartAsync("acme", "gone");
        await hub.StateAsync("acme");
        await hub.StateAsync("gone");
        var gone = hub.Company("gone");
        hub.Workspace.RemoveCompany(gone.Id).ShouldBeTrue();

        var report = await hub.PushAsync();

        report.Status.ShouldBe("completed");
        report.CompaniesUpdated.ShouldBe(1);
        var skipped = report.Skipped.ShouldHaveSingleItem();
        (skipped.Model, skipped.Target, skipped.Label, skipped.Status).ShouldBe(("company", gone.Id, "gone", (int?)404));
        hub.Workspace.FindCompanyByCompanyId("gone").ShouldBeNull();
        hub.NothingCreated();
    }

    [Fact]
    public async Task A_429_storm_mid_push_resumes_without_duplicate_writes()
    {
        var ids = Enumerable.Range(1, 12).Select(i => $"co-{i:D2}").ToArray();
        await using var hub = await PushHarness.StartAsync(ids);
        foreach (var id in ids)
            await hub.StateAsync(id);
        // Five company updates land, then every company update is refused with 429 for longer than the client retries.
        hub.Simulator.InjectFault("rate_limit", 1_000, "/companies/", null, after: 5);

        var stormed = await hub.PushAsync(maxRetries: 1);
        await hub.ClearFaultsAsync();
        var resumed = await hub.PushAsync();

        stormed.Status.ShouldBe("failed");
        stormed.Error.ShouldNotBeNull().ShouldContain("running it again resumes");
        stormed.CompaniesUpdated.ShouldBeInRange(5, 8);
        resumed.Status.ShouldBe("completed");
        resumed.CompaniesUpdated.ShouldBe(12 - stormed.CompaniesUpdated);
        hub.Stats.CompaniesUpdated.ShouldBe(12);
        ids.ShouldAllBe(id => hub.Company(id).CustomAttributes.ContainsKey("Rapport Type"));
        (await hub.PushAsync()).WriteCalls.ShouldBe(0);
        hub.NothingCreated();
    }

    [Fact]
    public async Task Renamed_and_deleted_elements_are_listed_as_stale_and_archived_only_with_the_opt_in()
    {
        await using var hub = await PushHarness.StartAsync("acme");
        await hub.StateAsync("acme");
        await hub.PushAsync();

        await hub.StateAsync("acme", s => s with
        {
            Elements = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase) { ["Slack App"] = 1 },
        });
        var listed = await hub.PushAsync();

        listed.StaleAttributes.Select(a => a.Name).Order(StringComparer.Ordinal).ShouldBe(["Rapport Slack Integration", "Rapport Zapier Connected"]);
        listed.AttributesArchived.ShouldBeEmpty();
        hub.CustomAttributes("company").Select(a => a.Name).ShouldContain("Rapport Slack Integration");
        hub.Company("acme").CustomAttributes["Rapport Slack App"].ShouldBe(1L);

        await hub.SettingsAsync(new PushSettings { ArchiveStale = true });
        var archived = await hub.PushAsync();

        archived.AttributesArchived.Select(a => a.Name).Order(StringComparer.Ordinal).ShouldBe(["Rapport Slack Integration", "Rapport Zapier Connected"]);
        archived.StaleAttributes.ShouldBeEmpty();
        hub.CustomAttributes("company", includeArchived: true).Where(a => a.Archived).Select(a => a.Name).Order(StringComparer.Ordinal)
            .ShouldBe(["Rapport Slack Integration", "Rapport Zapier Connected"]);
        hub.CustomAttributes("company").Select(a => a.Name).ShouldContain("Rapport Slack App");
        hub.NothingCreated();
    }

    [Fact]
    public async Task A_dry_run_lists_each_change_old_to_new_and_writes_nothing()
    {
        await using var hub = await PushHarness.StartAsync("acme", "globex");
        await hub.StateAsync("acme");
        await hub.StateAsync("globex");
        await hub.PushAsync();
        await hub.StateAsync("acme", s => PushHarness.WithMetric(s, "weeklyActiveUsers", 20m) with { Type = Hub.Model.AccountType.Subscribed });
        hub.Stats.Reset();

        var preview = await hub.PushAsync(dryRun: true);

        preview.DryRun.ShouldBeTrue();
        var change = preview.Changes.ShouldHaveSingleItem();
        change.Model.ShouldBe("company");
        change.Label.ShouldBe("acme");
        change.Values.OrderBy(v => v.Name, StringComparer.Ordinal).ShouldBe(
        [
            new PushValueChange("Rapport Type", "\"unqualified trial\"", "\"subscribed\""),
            new PushValueChange("Rapport Weekly Active Users", "13", "20"),
        ]);
        hub.Stats.RequestsTo("PUT /companies/{company_id}").ShouldBe(0);
        hub.Stats.RequestsTo("POST /data_attributes").ShouldBe(0);
        hub.Company("acme").CustomAttributes["Rapport Weekly Active Users"].ShouldBe(13L);
        (await hub.PushAsync()).CompaniesUpdated.ShouldBe(1);
        hub.NothingCreated();
    }

    [Fact]
    public async Task A_push_that_would_pass_Intercoms_limit_of_250_custom_attributes_is_refused_before_anything_is_written()
    {
        await using var hub = await PushHarness.StartAsync("acme");
        for (var i = hub.CustomAttributes("company").Count + hub.CustomAttributes("contact").Count; i < 245; i++)
            hub.Workspace.DefineDataAttribute(i % 2 == 0 ? "company" : "contact", $"Existing {i}", "string");
        await hub.StateAsync("acme");

        var report = await hub.PushAsync();

        report.Status.ShouldBe("refused");
        report.Error.ShouldNotBeNull().ShouldContain("245 of Intercom's 250");
        report.Error.ShouldContain("archive at least 4");
        hub.Stats.RequestsTo("POST /data_attributes").ShouldBe(0);
        hub.Stats.RequestsTo("PUT /companies/{company_id}").ShouldBe(0);
        hub.Company("acme").CustomAttributes.ShouldBeEmpty();
        (await IntercomPush.LastRunAsync(hub.Store.SyncState, Ct)).ShouldNotBeNull().Status.ShouldBe("refused");
        hub.NothingCreated();
    }

    [Fact]
    public async Task A_push_is_refused_while_updating_Intercom_companies_is_off_but_a_dry_run_still_previews()
    {
        await using var hub = await PushHarness.StartAsync("acme");
        await hub.StateAsync("acme");
        await new IntercomIntegrationSettings { ImportUsersAndCompanies = true, UpdateCompanies = false }.SaveAsync(hub.Store.SyncState, Ct);

        var refused = await hub.PushAsync();
        var preview = await hub.PushAsync(dryRun: true);

        refused.Status.ShouldBe("refused");
        refused.Error.ShouldNotBeNull().ShouldContain("Update Intercom companies with account data is off");
        preview.Changes.Where(c => c.Model == "company").ShouldHaveSingleItem().Label.ShouldBe("acme");
        hub.Stats.RequestsTo("PUT /companies/{company_id}").ShouldBe(0);
        hub.NothingCreated();
    }

    [Fact]
    public async Task An_attribute_of_another_type_in_Intercom_is_reported_and_the_rest_is_still_written()
    {
        await using var hub = await PushHarness.StartAsync("acme");
        hub.Workspace.DefineDataAttribute("company", "Rapport Health", "string");
        await hub.StateAsync("acme");

        var report = await hub.PushAsync();

        report.Problems.ShouldContain(p => p.Contains("'Rapport Health' holds string values but Rapport pushes integer values", StringComparison.Ordinal));
        hub.Company("acme").CustomAttributes.ShouldNotContainKey("Rapport Health");
        hub.Company("acme").CustomAttributes["Rapport Type"].ShouldBe("unqualified trial");
        hub.NothingCreated();
    }
}
