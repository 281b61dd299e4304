using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Support;
using Rapport.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Rapport.Browser.Tests;

/// <summary>
/// The pages under their Content-Security-Policy in a real browser: nothing they need is blocked, and a page of another
/// site on the same host cannot make a signed-in teammate's browser change anything.
/// </summary>
public sealed class ContentSecurityPolicySpecs(Chromium chromium)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_pages_and_their_scripts_work_with_nothing_blocked_by_the_policy()
    {
        await using var hub = await HubFixture.StartWarmAsync(Cancel);
        await hub.SeeEveryCompanyYesterdayAsync(Cancel);
        await using var tab = await BrowserTab.OpenAsync(chromium, hub);
        var page = tab.Page;
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
                problems.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => problems.Add($"{page.Url}: {error}");
        await tab.SignInAsync(WebHub.AdminEmail, WebHub.AdminPassword);
        await tab.OpenIntercomSettingsAsync();
        await tab.ConnectWithTokenAsync(hub);

        // Script from an asset: the options follow Import users and companies, and the rules preview calls the API
        // with the session cookie and the page's antiforgery token.
        await page.GetByTestId("option-import").CheckAsync();
        await Expect(page.GetByTestId("option-events")).ToBeEnabledAsync();
        await page.Locator("#rules").FillAsync("plan = no-such-plan");
        await Expect(page.Locator("#preview-count")).ToHaveTextAsync("0");
        await page.GetByTestId("option-only-with-ids").CheckAsync();
        await page.GetByTestId("save-button").ClickAsync();
        await Expect(page.GetByTestId("message")).ToContainTextAsync("Import users and companies is enabled");
        await page.Locator("#rules").FillAsync("");
        await page.GetByTestId("save-button").ClickAsync();
        await page.GetByTestId("sync-button").ClickAsync();
        await Expect(page.GetByTestId("sync-state")).ToHaveAttributeAsync("data-state", "completed", new() { Timeout = 60_000 });
        await tab.ShotAsync("synced");

        // A confirmation asked by data-confirm: dismissing it keeps the connection.
        page.Dialog += (_, dialog) => dialog.DismissAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
        await tab.VisitAsync(IntercomSteps.IntercomPage, "still-connected");
        await Expect(page.GetByTestId("sync-button")).ToBeVisibleAsync();

        foreach (var path in new[] { "/", "/accounts", "/users", "/conversations", "/settings", "/settings/teammates", "/settings/integrations", "/settings/events", "/settings/metrics", "/settings/playbooks", "/me", "/api" })
        {
            await tab.VisitAsync(path, path.Trim('/').Replace('/', '-'));
        }

        await page.Locator("header.top nav").GetByRole(AriaRole.Link, new() { Name = "Accounts" }).ClickAsync();
        await page.GetByTestId("account-link").First.ClickAsync();
        await tab.ShotAsync("account");

        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_form_on_another_port_of_the_host_cannot_post_to_the_api_with_the_teammates_cookie()
    {
        await using var hub = await HubFixture.StartWarmAsync(Cancel);
        var admin = await hub.TokenClientAsync(WebHub.AdminEmail, WebHub.AdminPassword);
        var keyBefore = await WriteKeyAsync(admin);
        await using var attacker = await AttackerSiteAsync(new Uri(hub.BaseAddress, "/api/v1/integrations/segment/rotate"));
        await using var tab = await BrowserTab.OpenAsync(chromium, hub);
        await tab.SignInAsync(WebHub.AdminEmail, WebHub.AdminPassword);

        await tab.Page.GotoAsync(attacker.Urls.Single() + "/");
        var answer = await tab.Page.RunAndWaitForResponseAsync(
            () => tab.Page.GetByRole(AriaRole.Button, new() { Name = "Win a prize" }).ClickAsync(),
            response => response.Url.Contains("/rotate", StringComparison.Ordinal));
        await tab.ShotAsync("refused");

        answer.Status.ShouldBe(403);
        (await answer.TextAsync()).ShouldContain("own pages only");
        (await WriteKeyAsync(admin)).ShouldBe(keyBefore);
    }

    /// <summary>A page on another port of 127.0.0.1 (same site, other origin) with a form aimed at Rapport.</summary>
    private static async Task<WebApplication> AttackerSiteAsync(Uri target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        var site = builder.Build();
        site.MapGet("/", () => Results.Content(
            $"""<!DOCTYPE html><form method="post" action="{WebUtility.HtmlEncode(target.ToString())}"><input type="hidden" name="x" value="1"><button>Win a prize</button></form>""",
            "text/html"));
        await site.StartAsync(Cancel);
        return site;
    }

    private static async Task<string> WriteKeyAsync(HttpClient client)
    {
        var status = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/integrations/segment", Cancel);
        return status.GetProperty("writeKey").GetString()!;
    }
}
