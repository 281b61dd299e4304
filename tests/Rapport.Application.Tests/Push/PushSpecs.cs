using Rapport.Application.Push;

namespace Rapport.Application.Tests.Push;

/// <summary>The push of account data onto Intercom companies and users, against the simulator.</summary>
public sealed class PushSpecs
{
    [Fact]
    public async Task Monthly_spend_is_the_MRR_every_value_a_prefixed_start_case_attribute_and_the_owner_flag_goes_on_users_creating_nothing()
    {
        await using var hub = await PushHarness.StartAsync("acme");
        await hub.StateAsync("acme");

        var report = await hub.PushAsync();

        report.Status.ShouldBe("completed");
        report.CompaniesUpdated.ShouldBe(1);
        var company = hub.Company("acme");
        company.MonthlySpend.ShouldBe(1234, "MRR 1234.5, truncated as Intercom keeps monthly_spend");
        company.CustomAttributes.ShouldBe(new Dictionary<string, object?>
        {
            ["Rapport Type"] = "unqualified trial",
            ["Rapport Health"] = 8L,
            ["Rapport Active Risk Indicators"] = "Unengaged customer, Churn Risk",
            ["Rapport Active Opportunity Indicators"] = "Expansion ready",
            ["Rapport Segments"] = "Enterprise, EMEA",
            ["Rapport Slack Integration"] = 1L,
            ["Rapport Zapier Connected"] = 0L,
            ["Rapport Weekly Active Users"] = 13L,
        }, ignoreOrder: true);
        hub.User("acme-user-0").CustomAttributes["Rapport Account Owner"].ShouldBe(true);
        hub.User("acme-user-1").CustomAttributes.ShouldNotContainKey("Rapport Account Owner");
        hub.NothingCreated();
    }

    [Fact]
    public async Task The_prefix_Vitally_names_the_attributes_as_Vitally_does()
    {
        await using var hub = await PushHarness.StartAsync("acme");
        await hub.StateAsync("acme");
        await hub.SettingsAsync(new PushSettings { Prefix = "Vitally" });

        await hub.PushAsync();

        hub.Company("acme").CustomAttributes["Vitally Type"].ShouldBe("unqualified trial");
        hub.Company("acme").CustomAttributes["Vitally Active Risk Indicators"].ShouldBe("Unengaged customer, Churn Risk");
        hub.User("acme-user-0").CustomAttributes["Vitally Account Owner"].ShouldBe(true);
        hub.Company("acme").CustomAttributes.Keys.ShouldAllBe(name => name.StartsWith("Vitally ", StringComparison.Ordinal));
        hub.NothingCreated();
    }

    [Theory]
    [InlineData("155.98", 155L)] // Intercom's own example: floats are truncated
    [InlineData("99.999", 99L)]
    [InlineData("0.4", 0L)]
    [InlineData("2147483647.9", 2147483647L)]
    [InlineData("5000000000", 2147483647L)] // at most 2^31-1
    public async Task Monthly_spend_is_the_MRR_in_whole_units_truncated_and_capped_as_Intercom_keeps_it(string mrr, long expected)
    {
        await using var hub = await PushHarness.StartAsync("acme");
        await hub.StateAsync("acme", s => s with { Mrr = decimal.Parse(mrr, System.Globalization.CultureInfo.InvariantCulture) });

        var report = await hub.PushAsync();

        report.Failures.ShouldBeEmpty();
        hub.Company("acme").MonthlySpend.ShouldBe(expected);
        hub.Stats.Reset();
        (await hub.PushAsync()).WriteCalls.ShouldBe(0, "what was pushed is what Intercom keeps, so nothing looks changed");
        hub.NothingCreated();
    }

    [Fact]
    public async Task Monthly_spend_is_left_untouched_when_switched_off()
    {
        await using var hub = await PushHarness.StartAsync("acme");
        hub.Workspace.UpdateCompany(hub.Company("acme").Id, c => c.MonthlySpend = 99);
        await hub.StateAsync("acme");
        await hub.SettingsAsync(new PushSettings { MonthlySpend = false });

        var report = await hub.PushAsync();

        report.CompaniesUpdated.ShouldBe(1);
        hub.Company("acme").MonthlySpend.ShouldBe(99);
        hub.Company("acme").CustomAttributes["Rapport Type"].ShouldBe("unqualified trial");
        hub.NothingCreated();
    }

    [Fact]
    public async Task An_owner_change_flips_both_users_flags()
    {
        await using var hub = await PushHarness.StartAsync("acme");
        await hub.StateAsync("acme");
        await hub.PushAsync();
        hub.Stats.Reset();

        await hub.StateAsync("acme", s => s with { OwnerUserId = "acme-user-1" });
        var report = await hub.PushAsync();

        hub.User("acme-user-0").CustomAttributes["Rapport Account Owner"].ShouldBe(false);
        hub.User("acme-user-1").CustomAttributes["Rapport Account Owner"].ShouldBe(true);
        report.UsersUpdated.ShouldBe(2);
        hub.Stats.ContactsUpdated.ShouldBe(2);
        hub.Stats.CompaniesUpdated.ShouldBe(0);
        hub.NothingCreated();
    }

    [Fact]
    public async Task A_team_moving_from_Vitally_has_the_old_owner_flag_turned_off_and_the_standing_owner_left_alone()
    {
        // Vitally flagged acme-user-0 (still the owner) and acme-user-1 (no longer) before Rapport ever pushed.
        await using var hub = await PushHarness.StartAsync(workspace =>
        {
            workspace.DefineDataAttribute("contact", "Vitally Account Owner", "boolean");
            foreach (var user in (string[])["acme-user-0", "acme-user-1"])
                workspace.UpdateContact(workspace.FindContactByExternalId(user)!.Id, c => c.CustomAttributes["Vitally Account Owner"] = true);
        }, "acme", "globex");
        await hub.StateAsync("acme");
        await hub.StateAsync("globex");
        await hub.SettingsAsync(new PushSettings { Prefix = "Vitally" });

        var report = await hub.PushAsync();

        hub.User("acme-user-1").CustomAttributes["Vitally Account Owner"].ShouldBe(false);
        hub.User("acme-user-0").CustomAttributes["Vitally Account Owner"].ShouldBe(true);
        hub.User("globex-user-0").CustomAttributes["Vitally Account Owner"].ShouldBe(true);
        hub.User("globex-user-1").CustomAttributes.ShouldNotContainKey("Vitally Account Owner");
        report.UsersUpdated.ShouldBe(2, "acme-user-1 off, globex-user-0 on; acme-user-0 already holds true");
        hub.Stats.Reset();
        (await hub.PushAsync()).WriteCalls.ShouldBe(0);
        hub.NothingCreated();
    }

    [Fact]
    public async Task A_second_push_with_nothing_changed_makes_no_call_at_all()
    {
        await using var hub = await PushHarness.StartAsync("acme", "globex");
        await hub.StateAsync("acme");
        await hub.StateAsync("globex");
        (await hub.PushAsync()).CompaniesUpdated.ShouldBe(2);
        hub.Stats.Reset();

        var second = await hub.PushAsync();

        second.Status.ShouldBe("completed");
        second.CompaniesUnchanged.ShouldBe(2);
        second.WriteCalls.ShouldBe(0);
        hub.Stats.Total.ShouldBe(0);
        hub.NothingCreated();
    }

    [Fact]
    public async Task One_changed_metric_sends_one_update_for_that_company_only()
    {
        await using var hub = await PushHarness.StartAsync("acme", "globex", "initech");
        foreach (var id in (string[])["acme", "globex", "initech"])
            await hub.StateAsync(id);
        await hub.PushAsync();
        hub.Stats.Reset();

        await hub.StateAsync("globex", s => PushHarness.WithMetric(s, "weeklyActiveUsers", 40m));
        var report = await hub.PushAsync();

        report.CompaniesUpdated.ShouldBe(1);
        report.CompaniesUnchanged.ShouldBe(2);
        hub.Stats.RequestsTo("PUT /companies/{company_id}").ShouldBe(1);
        hub.Stats.RequestsTo("PUT /contacts/{contact_id}").ShouldBe(0);
        hub.Company("globex").CustomAttributes["Rapport Weekly Active Users"].ShouldBe(40L);
        hub.Company("acme").CustomAttributes["Rapport Weekly Active Users"].ShouldBe(13L);
        report.Changes.ShouldHaveSingleItem().Values.ShouldBe([new PushValueChange("Rapport Weekly Active Users", "13", "40")]);
        hub.NothingCreated();
    }

    [Fact]
    public async Task Data_attributes_are_created_before_first_use_with_the_right_type()
    {
        await using var hub = await PushHarness.StartAsync("acme");
        await hub.StateAsync("acme");

        var report = await hub.PushAsync();

        hub.CustomAttributes("company").Where(a => a.Name.StartsWith("Rapport ", StringComparison.Ordinal)).Select(a => $"{a.Name}: {a.DataType}").Order(StringComparer.Ordinal).ShouldBe(
        [
            "Rapport Active Opportunity Indicators: string",
            "Rapport Active Risk Indicators: string",
            "Rapport Health: integer",
            "Rapport Segments: string",
            "Rapport Slack Integration: integer",
            "Rapport Type: string",
            "Rapport Weekly Active Users: integer",
            "Rapport Zapier Connected: integer",
        ]);
        hub.CustomAttributes("contact").Where(a => a.Name.StartsWith("Rapport ", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            a => a.Name.ShouldBe("Rapport Account Owner"), a => a.DataType.ShouldBe("boolean"));
        report.AttributesCreated.Count.ShouldBe(9);
        // The simulator refuses a write naming an attribute it does not have, so every write above came after its create.
        report.Failures.ShouldBeEmpty();
        hub.Stats.RequestsTo("POST /data_attributes").ShouldBe(9);
        hub.NothingCreated();
    }

    [Fact]
    public async Task A_new_metric_creates_only_its_own_attribute_on_the_next_push()
    {
        await using var hub = await PushHarness.StartAsync("acme");
        await hub.StateAsync("acme");
        await hub.PushAsync();
        hub.Stats.Reset();

        await hub.StateAsync("acme", s => PushHarness.WithMetric(s, "seats_used", 3m));
        var report = await hub.PushAsync();

        report.AttributesCreated.ShouldBe([new PushAttributeChange("company", "Rapport Seats Used", "integer")]);
        hub.Stats.RequestsTo("POST /data_attributes").ShouldBe(1);
        hub.Company("acme").CustomAttributes["Rapport Seats Used"].ShouldBe(3L);
        hub.NothingCreated();
    }
}
