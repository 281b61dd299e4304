using Rapport.Cli;
using Rapport.Application.Push;
using Rapport.Web.Tests.Integration;

namespace Rapport.Web.Tests.Push;

/// <summary>Settings → Integrations → Intercom push as a teammate uses it, and <c>rapport push</c> on the same hub.</summary>
public sealed class PushPageSpecs
{
    private const string Page = "/settings/integrations/intercom/push";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_push_page_saves_its_settings_previews_pushes_and_shows_the_last_run()
    {
        await using var synced = await SyncedHub.StartAsync(Token);
        var hub = synced.Hub;
        (hub.PushJob.Debounce, hub.PushJob.MaxWait) = (TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        var company = synced.ImportedCompany();
        await hub.SaveStateAsync(company.CompanyId!, 120m, "trial", null, Token);
        var browser = await hub.SignedInAsync();

        var saved = await (await WebHub.PostFormAsync(browser, Page + "?handler=Save", new()
        {
            ["Enabled"] = "true",
            ["Prefix"] = "Rapport",
            ["MonthlySpend"] = "true",
            ["ScheduleMinutes"] = "0",
        })).Content.ReadAsStringAsync(Token);
        var preview = await (await WebHub.PostFormAsync(browser, Page + "?handler=Preview", [])).Content.ReadAsStringAsync(Token);
        var started = await (await WebHub.PostFormAsync(browser, Page + "?handler=Run", [])).Content.ReadAsStringAsync(Token);
        await WebHub.EventuallyAsync(async () => !(await browser.GetStringAsync(Page, Token)).Contains("data-testid=\"push-never\"", StringComparison.Ordinal), "the page shows a last push");
        await WebHub.EventuallyAsync(() => Task.FromResult(!hub.PushJob.Running), "the push ended");
        var status = await browser.GetStringAsync(Page, Token);

        saved.ShouldContain("Saved. Rapport pushes after each recompute");
        preview.ShouldContain($"data-record=\"{company.CompanyId}\" data-attribute=\"Rapport Type\"");
        preview.ShouldContain("&quot;trial&quot;");
        started.ShouldContain("The push started");
        status.ShouldContain("data-testid=\"push-result\">completed");
        status.ShouldContain("updated <strong>1</strong>");
        hub.Simulator.Workspace.FindCompany(company.Id)!.CustomAttributes["Rapport Type"].ShouldBe("trial");
        hub.Simulator.Stats.CompaniesCreated.ShouldBe(0);
    }

    [Fact]
    public async Task Turning_the_push_on_without_the_import_is_refused_on_the_page_and_nothing_is_saved()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var browser = await hub.SignedInAsync();

        var refused = await (await WebHub.PostFormAsync(browser, Page + "?handler=Save", new() { ["Enabled"] = "true", ["Prefix"] = "Vitally" })).Content.ReadAsStringAsync(Token);

        refused.ShouldContain("needs Import users and companies");
        var api = await hub.TokenClientAsync(TeamRole.Admin);
        var settings = (await api.GetFromJsonAsync<System.Text.Json.JsonElement>(WebHub.PushApi, Token)).GetProperty("settings");
        settings.GetProperty("prefix").GetString().ShouldBe("Rapport");
    }

    [Fact]
    public async Task Team_members_do_not_get_the_push_page()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var (email, password) = await hub.AddTeammateAsync(TeamRole.TeamMember);
        var member = await hub.SignedInAsync(email, password);

        var response = await member.GetAsync(Page, Token);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (response.StatusCode == HttpStatusCode.Redirect)
            response.Headers.Location!.ToString().ShouldNotContain("intercom/push");
    }

    [Fact]
    public async Task Rapport_push_dry_run_on_the_command_line_writes_nothing_and_a_real_run_writes_only_what_changed()
    {
        await using var synced = await SyncedHub.StartAsync(Token);
        var hub = synced.Hub;
        (hub.PushJob.Debounce, hub.PushJob.MaxWait) = (TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        var company = synced.ImportedCompany();
        await hub.SaveStateAsync(company.CompanyId!, 77m, "subscribed", null, Token);
        string[] common = ["--database", hub.DatabasePath, "--intercom-url", hub.Simulator.BaseAddress.ToString(), "--token", hub.Simulator.Options.AccessToken];
        hub.Simulator.Stats.Reset();
        var settingsBefore = await PushSettings.LoadAsync(hub.Store.SyncState, Token);

        var dry = await RapportCli.Create().Parse(["push", "--dry-run", "--prefix", "Vitally", "--no-monthly-spend", .. common]).InvokeAsync(cancellationToken: Token);
        var writesAfterDryRun = hub.Simulator.Stats.RequestsTo("PUT /companies/{company_id}");
        var settingsAfterDryRun = await PushSettings.LoadAsync(hub.Store.SyncState, Token);
        var real = await RapportCli.Create().Parse(["push", "--enable", "--prefix", "Vitally", .. common]).InvokeAsync(cancellationToken: Token);
        var again = await RapportCli.Create().Parse(["push", .. common]).InvokeAsync(cancellationToken: Token);

        (dry, real, again).ShouldBe((0, 0, 0));
        writesAfterDryRun.ShouldBe(0);
        settingsAfterDryRun.ShouldBe(settingsBefore, "a dry run previews with its flags and saves nothing");
        hub.Simulator.Workspace.FindCompany(company.Id)!.CustomAttributes["Vitally Type"].ShouldBe("subscribed");
        hub.Simulator.Stats.RequestsTo("PUT /companies/{company_id}").ShouldBe(1);
        hub.Simulator.Stats.CompaniesCreated.ShouldBe(0);
    }
}
