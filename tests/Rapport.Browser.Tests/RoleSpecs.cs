using Microsoft.Playwright;
using Rapport.Browser.Tests.Support;
using Rapport.Hub.Team;
using static Microsoft.Playwright.Assertions;

namespace Rapport.Browser.Tests;

public sealed class RoleSpecs(Chromium chromium, HubFixture fixture) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task A_team_member_sees_no_settings_and_typing_their_address_lands_on_the_not_allowed_page()
    {
        var (email, password) = await fixture.Hub.AddTeammateAsync(TeamRole.TeamMember);
        await using var tab = await BrowserTab.OpenAsync(chromium, fixture.Hub);
        await tab.SignInAsync(email, password);
        await tab.ShotAsync("home");

        var nav = tab.Page.Locator("header.top nav");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Accounts" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToHaveCountAsync(0);

        foreach (var (path, step) in new[] { ("/settings", "settings"), ("/settings/integrations", "integrations"), ("/settings/integrations/intercom", "intercom"),
                     ("/intercom/oauth/connect?region=us", "connect"), ("/settings/teammates", "teammates") })
        {
            await tab.VisitAsync(path, step);
            tab.Path.ShouldBe("/denied", $"{path} is not for a Team Member");
            await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your role does not allow this page");
            await Expect(tab.Page.Locator("main")).ToContainTextAsync("Team Member");
        }
    }

    [Fact]
    public async Task A_leader_reaches_settings_but_not_the_teammates_page()
    {
        var (email, password) = await fixture.Hub.AddTeammateAsync(TeamRole.Leader);
        await using var tab = await BrowserTab.OpenAsync(chromium, fixture.Hub);
        await tab.SignInAsync(email, password);

        await tab.Page.Locator("header.top nav").GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();

        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Settings", Level = 1 })).ToBeVisibleAsync();
        await tab.ShotAsync("settings");
        await Expect(tab.Page.GetByText("Teammates are managed by Admins.")).ToBeVisibleAsync();
        await tab.VisitAsync("/settings/teammates", "teammates");
        tab.Path.ShouldBe("/denied");
    }
}
