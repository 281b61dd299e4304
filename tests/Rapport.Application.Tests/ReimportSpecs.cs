using System.Net.Http.Json;

namespace Rapport.Application.Tests;

public sealed class ReimportSpecs
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Re_importing_when_nothing_changed_changes_nothing()
    {
        await using var harness = await ImportHarness.StartAsync(companies: 120, contacts: 900);
        var store = await harness.OpenStoreAsync();
        var first = await harness.ImportAsync(store);
        var before = await store.Browse.ExportSnapshotAsync(Ct);

        var second = await harness.ImportAsync(store);

        (await store.Browse.ExportSnapshotAsync(Ct)).ShouldBe(before);
        second.Incremental.ShouldBeTrue();
        second.Companies.Created.ShouldBe(0);
        second.Companies.Updated.ShouldBe(0);
        second.Companies.Unchanged.ShouldBe(first.Companies.Qualified);
        second.Users.Created.ShouldBe(0);
        second.Users.Updated.ShouldBe(0);
        second.Users.Imported.ShouldBe(first.Users.Imported);
    }

    [Fact]
    public async Task Frequent_incremental_imports_do_not_put_off_the_weekly_full_import()
    {
        await using var harness = await ImportHarness.StartAsync(companies: 30, contacts: 200);
        var store = await harness.OpenStoreAsync();
        (await harness.ImportAsync(store)).Incremental.ShouldBeFalse();
        (await harness.ImportAsync(store)).Incremental.ShouldBeTrue();

        // The sweep keeps the last completed import minutes old; only the last full pass's age decides.
        var eightDaysAgo = harness.Now.AddDays(-8).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await store.SyncState.SetSyncStateAsync("intercom.import.last_full_at", eightDaysAgo, Ct);
        var third = await harness.ImportAsync(store);

        third.Incremental.ShouldBeFalse();
        (await harness.ImportAsync(store)).Incremental.ShouldBeTrue();
    }

    [Fact]
    public async Task The_summary_counts_exactly_the_API_calls_Intercom_received()
    {
        await using var harness = await ImportHarness.StartAsync(companies: 80, contacts: 1000);
        var store = await harness.OpenStoreAsync();
        using var control = new HttpClient { BaseAddress = harness.Simulator.BaseAddress };
        (await control.DeleteAsync("/_simulator/stats", Ct)).EnsureSuccessStatusCode();

        var summary = await harness.ImportAsync(store);

        var stats = await control.GetFromJsonAsync<System.Text.Json.JsonElement>("/_simulator/stats", Ct);
        summary.ApiCalls.ShouldBe(stats.GetProperty("total").GetInt64());
        summary.ApiCalls.ShouldBeGreaterThan(1000 / 150);
    }

    [Fact]
    public async Task An_update_in_Intercom_shows_up_after_re_import()
    {
        await using var harness = await ImportHarness.StartAsync();
        var company = harness.Company("acme", users: 1);
        var other = harness.Company("globex");
        var user = harness.Workspace.FindContactByExternalId("acme-user-0")!;
        var store = await harness.OpenStoreAsync();
        await harness.ImportAsync(store);

        harness.Workspace.UpdateCompany(company.Id, c => { c.Name = "Acme Renamed"; c.Plan = "Enterprise"; });
        harness.Workspace.UpdateContact(user.Id, c => c.Email = "new-address@example.com");
        harness.Workspace.Attach(user.Id, other.Id);
        var summary = await harness.ImportAsync(store);

        var account = (await store.Browse.FindAccountAsync("acme", Ct)).ShouldNotBeNull();
        account.Name.ShouldBe("Acme Renamed");
        account.Sources.ShouldHaveSingleItem().Plan.ShouldBe("Enterprise");
        var imported = (await store.Browse.FindUserAsync("acme-user-0", Ct)).ShouldNotBeNull();
        imported.Email.ShouldBe("new-address@example.com");
        imported.AccountExternalIds.Order().ShouldBe(["acme", "globex"]);
        summary.Companies.Updated.ShouldBe(2); // acme renamed; globex gained a user, so its user_count changed
        summary.Companies.Unchanged.ShouldBe(0);
    }

    [Fact]
    public async Task A_run_through_429_bursts_server_errors_and_truncated_bodies_ends_in_the_same_state_as_a_clean_run()
    {
        await using var harness = await ImportHarness.StartAsync(companies: 150, contacts: 1200);
        var clean = await harness.OpenStoreAsync("clean");
        await harness.ImportAsync(clean);

        using var control = new HttpClient { BaseAddress = harness.Simulator.BaseAddress };
        // Faults queue up per path: the five on /contacts hit one request in a row, within the client's six retries.
        foreach (var (kind, count, path) in new[] { ("rate_limit", 2, "/contacts"), ("server_error", 3, "/companies/scroll"), ("truncated_body", 2, "/contacts"), ("drop_connection", 1, "/contacts") })
            (await control.PostAsJsonAsync("/_simulator/faults", new { kind, count, path }, Ct)).EnsureSuccessStatusCode();
        var faulty = await harness.OpenStoreAsync("faulty");
        await harness.ImportAsync(faulty);

        var stats = await control.GetFromJsonAsync<System.Text.Json.JsonElement>("/_simulator/stats", Ct);
        stats.GetProperty("faults_injected").GetInt32().ShouldBe(8);
        (await faulty.Browse.ExportSnapshotAsync(Ct)).ShouldBe(await clean.Browse.ExportSnapshotAsync(Ct));
    }
}
