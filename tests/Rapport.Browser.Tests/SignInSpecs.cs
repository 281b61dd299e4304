using Microsoft.Playwright;
using Rapport.Browser.Tests.Support;
using Rapport.Hub.Team;
using Rapport.Web.Auth;
using Rapport.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Rapport.Browser.Tests;

public sealed class SignInSpecs(Chromium chromium, HubFixture fixture) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task A_teammate_signs_in_through_the_form_and_sees_the_app_with_their_name()
    {
        const string password = "a long enough password";
        await fixture.Hub.Store.Team.AddTeammateAsync("ada@example.test", "Ada Lovelace", TeamRole.Leader, null, Passwords.Hash(password), TestContext.Current.CancellationToken);
        await using var tab = await BrowserTab.OpenAsync(chromium, fixture.Hub);

        await tab.VisitAsync("/", "sent-to-sign-in");
        tab.Path.ShouldBe("/signin");
        await tab.Page.GetByLabel("Email").FillAsync("ada@example.test");
        await tab.Page.GetByLabel("Password").FillAsync(password);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(tab.Page.Locator("header.top")).ToContainTextAsync("Ada Lovelace");
        await tab.ShotAsync("home");
        tab.Path.ShouldBe("/");
        await Expect(tab.Page.Locator("header.top .badge")).ToHaveTextAsync("Leader");
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Rapport" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_and_stays_on_sign_in()
    {
        await using var tab = await BrowserTab.OpenAsync(chromium, fixture.Hub);

        await tab.VisitAsync("/signin", "form");
        await tab.Page.GetByLabel("Email").FillAsync(WebHub.AdminEmail);
        await tab.Page.GetByLabel("Password").FillAsync("not the password at all");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(tab.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That email and password do not match a teammate.");
        await tab.ShotAsync("error");
        tab.Path.ShouldBe("/signin");
        await Expect(tab.Page.GetByLabel("Email")).ToHaveValueAsync(WebHub.AdminEmail);
        await Expect(tab.Page.Locator("header.top")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Signing_out_returns_to_sign_in_and_the_app_is_unreachable_again()
    {
        var (email, password) = await fixture.Hub.AddTeammateAsync(TeamRole.TeamMember);
        await using var tab = await BrowserTab.OpenAsync(chromium, fixture.Hub);
        await tab.SignInAsync(email, password);
        await tab.VisitAsync("/me", "profile");

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await tab.WaitForPathAsync("/signin", leave: false, "signing out returns to the sign-in page");
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Rapport" })).ToBeVisibleAsync();
        await tab.ShotAsync("signed-out");
        await Expect(tab.Page.Locator("header.top")).ToHaveCountAsync(0);
        foreach (var path in new[] { "/", "/me", "/settings" })
        {
            await tab.Page.GotoAsync(path);
            tab.Path.ShouldBe("/signin", $"{path} is out of reach once signed out");
        }
        (await tab.Page.APIRequest.GetAsync("/api/v1/me")).Status.ShouldBe(401);
    }
}
