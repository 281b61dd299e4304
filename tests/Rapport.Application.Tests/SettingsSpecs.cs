using Rapport.Storage;
using Rapport.Application.Settings;
using Rapport.Testing;

namespace Rapport.Application.Tests;

public sealed class SettingsSpecs
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Event_import_without_user_and_company_import_is_refused_with_a_message_that_names_the_rule()
    {
        var settings = new IntercomIntegrationSettings { ImportEvents = true };

        settings.Validate().ShouldBe(["Import event data needs Import users and companies: without it Rapport cannot tell which user an event belongs to."]);
    }

    [Fact]
    public void Updating_Intercom_companies_without_user_and_company_import_is_refused_and_with_it_is_fine()
    {
        new IntercomIntegrationSettings { UpdateCompanies = true }.Validate().Single().ShouldStartWith("Update Intercom companies with account data needs Import users and companies");
        new IntercomIntegrationSettings { ImportUsersAndCompanies = true, UpdateCompanies = true, ImportEvents = true }.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void A_rule_that_does_not_parse_and_a_window_out_of_range_are_each_reported()
    {
        var problems = new IntercomIntegrationSettings { Qualification = "plan in [Pro", LastSeenDays = 0 }.Validate();

        problems.Count.ShouldBe(2);
        problems.ShouldContain(p => p.StartsWith("The last-seen window must be between 1 and 3650 days", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("The qualification rules do not parse:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_import_options_carry_the_window_the_rules_and_only_with_ids()
    {
        var options = new IntercomIntegrationSettings { LastSeenDays = 30, Qualification = "plan = Pro", OnlyWithIds = true }.ToImportOptions();

        options.LastSeenDays.ShouldBe(30);
        options.Qualification!.ToString().ShouldBe("plan = Pro");
        options.OnlyWithIds.ShouldBeTrue();
    }

    [Fact]
    public async Task Settings_survive_a_round_trip_through_the_hub_and_default_to_conversations_only()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("rapport-settings-").FullName, "hub.db");
        await using var store = await HubStores.OpenAsync(path, TimeProvider.System, Cancel);
        var saved = new IntercomIntegrationSettings { ImportUsersAndCompanies = true, ImportEvents = true, LastSeenDays = 45, Qualification = "tags contains vip" };

        var before = await IntercomIntegrationSettings.LoadAsync(store.SyncState, Cancel);
        await saved.SaveAsync(store.SyncState, Cancel);
        var after = await IntercomIntegrationSettings.LoadAsync(store.SyncState, Cancel);

        before.ImportUsersAndCompanies.ShouldBeFalse();
        before.LastSeenDays.ShouldBe(90);
        after.ShouldBe(saved);
    }
}
