namespace Rapport.Web.Tests.Integration;

public sealed class IntegrationPageSpecs
{
    private const string Page = "/settings/integrations/intercom";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enabling_user_and_company_import_on_a_workspace_with_missing_ids_shows_each_one_with_its_link_and_does_not_enable_it()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var browser = await ConnectedBrowserAsync(hub);
        var (missing, _) = hub.RemoveSomeIds();

        var response = await WebHub.PostFormAsync(browser, Page + "?handler=Save", new() { ["ImportUsersAndCompanies"] = "true", ["LastSeenDays"] = "90" });
        var html = await response.Content.ReadAsStringAsync(Cancel);

        html.ShouldContain("Import users and companies was not enabled");
        html.ShouldContain("Some companies are missing the <code>company_id</code>");
        html.ShouldContain("data-testid=\"check-company-row\"");
        html.ShouldContain("data-testid=\"check-user-row\"");
        html.ShouldContain($"https://app.intercom.com/a/apps/{hub.Simulator.Workspace.AppId}/companies/{missing.Id}");
        html.ShouldContain("/all-conversations");
        html.ShouldContain("href=\"/api/v1/integrations/intercom/check.csv\"");
        (await browser.GetStringAsync("/api/v1/integrations/intercom/check.csv", Cancel)).ShouldContain($"company,{missing.Id},");
        (await hub.Store.SyncState.GetSyncStateAsync("intercom.import.enabled_at", Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task Once_the_ids_are_fixed_in_Intercom_user_and_company_import_is_enabled_and_a_sync_can_start()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var browser = await ConnectedBrowserAsync(hub);
        hub.RemoveSomeIds();
        var refused = await (await WebHub.PostFormAsync(browser, Page + "?handler=Save", new() { ["ImportUsersAndCompanies"] = "true" })).Content.ReadAsStringAsync(Cancel);
        refused.ShouldContain("data-testid=\"check-failed\"");
        var workspace = hub.Simulator.Workspace;
        foreach (var company in workspace.Companies.Where(c => string.IsNullOrEmpty(c.CompanyId)))
            workspace.UpdateCompany(company.Id, c => c.CompanyId = "fixed-" + c.Id);
        foreach (var contact in workspace.Contacts.Where(c => c.Role == "user" && string.IsNullOrEmpty(c.ExternalId)))
            workspace.UpdateContact(contact.Id, c => c.ExternalId = "fixed-" + c.Id);

        var saved = await (await WebHub.PostFormAsync(browser, Page + "?handler=Save", new() { ["ImportUsersAndCompanies"] = "true", ["ImportEvents"] = "true" })).Content.ReadAsStringAsync(Cancel);
        var synced = await (await WebHub.PostFormAsync(browser, Page + "?handler=Sync", [])).Content.ReadAsStringAsync(Cancel);
        await IntercomApiSpecs.WaitForSyncAsync(browser);
        var status = await browser.GetStringAsync(Page + "/sync-status", Cancel);
        var card = await browser.GetStringAsync("/settings/integrations", Cancel);

        saved.ShouldContain("Import users and companies is enabled");
        saved.ShouldContain("data-testid=\"check-passed\"");
        synced.ShouldContain("The sync started");
        status.ShouldContain("Sync completed");
        status.ShouldNotContain("data-poll-while");
        card.ShouldContain("data-testid=\"integration-counts\"");
        card.ShouldContain("completed,");
        (await hub.Store.Browse.CountAsync(Cancel)).ActiveAccounts.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Saving_with_user_and_company_import_off_means_conversations_only_and_the_card_shows_no_account_link()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var browser = await ConnectedBrowserAsync(hub);

        var saved = await (await WebHub.PostFormAsync(browser, Page + "?handler=Save", new() { ["LastSeenDays"] = "90" })).Content.ReadAsStringAsync(Cancel);
        var card = await browser.GetStringAsync("/settings/integrations", Cancel);

        saved.ShouldContain("Rapport imports conversations only");
        card.ShouldContain("Conversations only");
        card.ShouldNotContain("data-testid=\"integration-counts\"");
    }

    [Fact]
    public async Task Event_import_without_user_and_company_import_is_refused_on_the_page_with_the_rule_and_the_checkbox_explains_it()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var browser = await ConnectedBrowserAsync(hub);

        var page = await browser.GetStringAsync(Page, Cancel);
        var saved = await (await WebHub.PostFormAsync(browser, Page + "?handler=Save", new() { ["ImportEvents"] = "true" })).Content.ReadAsStringAsync(Cancel);

        page.ShouldMatch("data-testid=\"option-events\"[^>]*disabled");
        page.ShouldContain("Needs Import users and companies");
        saved.ShouldContain("Import event data needs Import users and companies: without it Rapport cannot tell which user an event belongs to.");
        (await hub.Store.SyncState.GetSyncStateAsync("intercom.settings", Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task A_rule_that_does_not_parse_is_shown_inline_and_the_preview_counts_a_rule_that_does()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var browser = await ConnectedBrowserAsync(hub);

        var broken = await (await WebHub.PostFormAsync(browser, Page + "?handler=Preview", new() { ["Qualification"] = "plan in [Pro", ["LastSeenDays"] = "90" })).Content.ReadAsStringAsync(Cancel);
        var counted = await (await WebHub.PostFormAsync(browser, Page + "?handler=Preview", new() { ["Qualification"] = "monthly_spend > 50", ["LastSeenDays"] = "90" })).Content.ReadAsStringAsync(Cancel);

        broken.ShouldMatch("data-testid=\"rules-error\">[^<]+<");
        counted.ShouldMatch("data-testid=\"preview-count\">\\d+</strong>");
        counted.ShouldContain("of 40 companies qualify");
    }

    [Fact]
    public async Task A_team_member_cannot_open_the_integration_pages()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var (email, password) = await hub.AddTeammateAsync(Hub.Team.TeamRole.TeamMember);
        var member = await hub.SignedInAsync(email, password);

        foreach (var path in new[] { "/settings/integrations", Page, "/intercom/oauth/connect?region=us", "/intercom/oauth/callback?code=x&state=y" })
        {
            var response = await member.GetAsync(path, Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.ToString().ShouldContain("/denied", customMessage: path);
        }
    }

    private static async Task<HttpClient> ConnectedBrowserAsync(WebHub hub)
    {
        var browser = await hub.SignedInAsync();
        var connected = await (await WebHub.PostFormAsync(browser, Page + "?handler=Token", new() { ["region"] = "us", ["token"] = hub.Simulator.Options.AccessToken })).Content.ReadAsStringAsync(Cancel);
        connected.ShouldContain("Connected to Rapport Simulator");
        return browser;
    }
}
