using Microsoft.Playwright;
using Rapport.Browser.Tests.Support;
using Rapport.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Rapport.Browser.Tests;

/// <summary>Connecting Intercom with OAuth, clicked through Rapport's pages and the simulator's authorize page.</summary>
public sealed class IntercomFlowSpecs(Chromium chromium)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_connects_Intercom_with_OAuth_in_the_chosen_region_and_lands_on_the_configuration()
    {
        await using var hub = await HubFixture.StartWarmAsync(Cancel);
        hub.RegisterCallbackWithSimulator();
        await using var tab = await BrowserTab.OpenAsync(chromium, hub);
        await tab.SignInAsync(WebHub.AdminEmail, WebHub.AdminPassword);

        await tab.OpenIntercomSettingsAsync();
        await Expect(tab.Page.GetByTestId("connection-workspace")).ToHaveCountAsync(0);
        await tab.ShotAsync("not-connected");
        await tab.GoToIntercomsConsentPageAsync(hub, "eu");
        await tab.ShotAsync("authorize-page");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Authorize" }).ClickAsync();
        await tab.WaitForPathAsync(IntercomSteps.IntercomPage, leave: false, "authorizing brings the browser back to the configuration");
        await tab.ShotAsync("connected");

        await Expect(tab.Page.GetByTestId("message")).ToContainTextAsync($"Connected to Rapport Simulator ({hub.Simulator.Workspace.AppId})");
        await Expect(tab.Page.GetByTestId("connection-workspace")).ToHaveTextAsync("Rapport Simulator");
        var connection = tab.Page.GetByTestId("connection");
        await Expect(connection).ToContainTextAsync(hub.Simulator.Workspace.AppId);
        await Expect(connection).ToContainTextAsync("EU");
        await Expect(connection).ToContainTextAsync("with OAuth");
        await Expect(tab.Page.GetByTestId("option-import")).ToBeVisibleAsync();
        await Expect(tab.Page.GetByTestId("option-import")).Not.ToBeCheckedAsync();
        hub.Simulator.Stats.RequestsTo("POST /auth/eagle/token").ShouldBe(1);

        await tab.VisitAsync("/settings/integrations", "integrations-card");
        await Expect(tab.Page.GetByTestId("integration-status")).ToHaveTextAsync("Connected");
        await Expect(tab.Page.GetByTestId("integration-workspace")).ToContainTextAsync("Rapport Simulator");
    }

    [Fact]
    public async Task Denying_authorization_on_Intercoms_page_says_what_happened_and_what_to_do_and_the_previous_connection_stays()
    {
        await using var hub = await HubFixture.StartWarmAsync(Cancel);
        hub.RegisterCallbackWithSimulator();
        await using var tab = await BrowserTab.OpenAsync(chromium, hub);
        await tab.SignInAsync(WebHub.AdminEmail, WebHub.AdminPassword);
        await tab.OpenIntercomSettingsAsync();
        await tab.ConnectWithOAuthAsync(hub);
        var before = await hub.Store.SyncState.GetSyncStateAsync("intercom.connection", Cancel);

        await tab.GoToIntercomsConsentPageAsync(hub, "us");
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await tab.WaitForPathAsync("/intercom/oauth/callback", leave: false, "cancelling sends the browser back to Rapport");
        await tab.ShotAsync("denied");

        new Uri(tab.Page.Url).Port.ShouldBe(hub.BaseAddress.Port, "the explanation is Rapport's page");
        await Expect(tab.Page.GetByTestId("oauth-error-title")).ToHaveTextAsync("Access was denied");
        await Expect(tab.Page.GetByTestId("oauth-error-what")).Not.ToBeEmptyAsync();
        await Expect(tab.Page.GetByTestId("oauth-error-todo")).ToContainTextAsync("click Connect to Intercom again and choose Authorize");
        await Expect(tab.Page.GetByTestId("oauth-error-previous")).ToContainTextAsync("still connected to Rapport Simulator");

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Back to the Intercom settings" }).ClickAsync();
        await tab.WaitForPathAsync(IntercomSteps.IntercomPage, leave: false, "the error page links back to the settings");
        await tab.ShotAsync("still-connected");
        await Expect(tab.Page.GetByTestId("connection-workspace")).ToHaveTextAsync("Rapport Simulator");
        await Expect(tab.Page.GetByTestId("connection")).ToContainTextAsync("with OAuth");
        (await hub.Store.SyncState.GetSyncStateAsync("intercom.connection", Cancel)).ShouldBe(before);
    }
}
