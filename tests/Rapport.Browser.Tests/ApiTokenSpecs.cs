using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Support;
using Rapport.Hub.Team;
using static Microsoft.Playwright.Assertions;

namespace Rapport.Browser.Tests;

public sealed class ApiTokenSpecs(Chromium chromium, HubFixture fixture) : IClassFixture<HubFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_personal_api_token_is_shown_once_and_works_until_revoked_on_the_profile()
    {
        var (email, password) = await fixture.Hub.AddTeammateAsync(TeamRole.Leader);
        await using var tab = await BrowserTab.OpenAsync(chromium, fixture.Hub);
        await tab.SignInAsync(email, password);
        await tab.Page.GetByTitle("Your profile and API tokens").ClickAsync();
        await tab.ShotAsync("profile");

        await tab.Page.GetByLabel("New token's name").FillAsync("reporting script");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();

        var shown = tab.Page.GetByTestId("new-token");
        await Expect(shown).ToBeVisibleAsync();
        await tab.ShotAsync("token-created");
        var token = (await shown.InnerTextAsync()).Trim();
        token.ShouldStartWith("rpt_");
        var row = tab.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "reporting script" });
        await Expect(row).ToContainTextAsync("never");

        using var api = new HttpClient { BaseAddress = fixture.Hub.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me", Cancel);
        me.GetProperty("email").GetString().ShouldBe(email);

        await tab.VisitAsync("/me", "token-listed");
        await Expect(tab.Page.GetByTestId("new-token")).ToHaveCountAsync(0);
        await Expect(tab.Page.Locator("main")).Not.ToContainTextAsync(token);
        await Expect(row).Not.ToContainTextAsync("never");

        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();

        await Expect(tab.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The token was revoked.");
        await tab.ShotAsync("token-revoked");
        await Expect(row).ToHaveCountAsync(0);
        (await api.GetAsync("/api/v1/me", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
