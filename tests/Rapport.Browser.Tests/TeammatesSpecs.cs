using Microsoft.Playwright;
using Rapport.Browser.Tests.Support;
using Rapport.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Rapport.Browser.Tests;

public sealed class TeammatesSpecs(Chromium chromium, HubFixture fixture) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task An_admin_adds_a_teammate_whose_one_time_password_lets_them_sign_in()
    {
        await using var admin = await BrowserTab.OpenAsync(chromium, fixture.Hub);
        await admin.SignInAsync(WebHub.AdminEmail, WebHub.AdminPassword);
        await admin.Page.Locator("header.top nav").GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Teammates" }).ClickAsync();
        await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = "Teammates", Level = 1 })).ToBeVisibleAsync();
        await admin.ShotAsync("teammates");

        await admin.Page.GetByLabel("Name").FillAsync("Grace Hopper");
        await admin.Page.GetByLabel("Email (sign-in)").FillAsync("grace@example.test");
        await admin.Page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Team Member" });
        await admin.Page.GetByLabel("Intercom admin email (optional)").FillAsync("grace@intercom.example.test");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Add teammate" }).ClickAsync();

        await Expect(admin.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Grace Hopper was added as Team Member.");
        await admin.ShotAsync("added");
        var password = (await admin.Page.GetByTestId("new-password").InnerTextAsync()).Trim();
        password.Length.ShouldBeGreaterThanOrEqualTo(12);
        var row = admin.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "grace@example.test" });
        await Expect(row).ToContainTextAsync("Grace Hopper");
        await Expect(row.GetByLabel("Intercom admin email of Grace Hopper")).ToHaveValueAsync("grace@intercom.example.test");

        await admin.Page.ReloadAsync();
        await Expect(admin.Page.GetByTestId("new-password")).ToHaveCountAsync(0);

        await using var grace = await BrowserTab.OpenAsync(chromium, fixture.Hub);
        await grace.SignInAsync("grace@example.test", password);
        await Expect(grace.Page.Locator("header.top")).ToContainTextAsync("Grace Hopper");
        await grace.VisitAsync("/me", "grace-profile");
        await Expect(grace.Page.Locator("dl.fields")).ToContainTextAsync("grace@intercom.example.test");
    }
}
