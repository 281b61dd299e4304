using Microsoft.Playwright;
using Rapport.Browser.Tests.Support;
using Rapport.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Rapport.Browser.Tests;

/// <summary>"Sync now" with live progress, then the imported accounts as a teammate browses them.</summary>
public sealed class IntercomSyncSpecs(Chromium chromium)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sync_now_shows_live_progress_and_a_summary_and_the_accounts_then_show_what_Intercom_holds()
    {
        await using var hub = await HubFixture.StartWarmAsync(Cancel);
        await hub.SeeEveryCompanyYesterdayAsync(Cancel);
        var expected = hub.Simulator.Workspace.Companies.Where(c => !string.IsNullOrEmpty(c.CompanyId)).ToList();
        await using var tab = await BrowserTab.OpenAsync(chromium, hub);
        await tab.SignInAsync(WebHub.AdminEmail, WebHub.AdminPassword);
        await tab.OpenIntercomSettingsAsync();
        await tab.ConnectWithTokenAsync(hub);
        var page = tab.Page;
        await page.GetByTestId("option-import").CheckAsync();
        await page.GetByTestId("option-only-with-ids").CheckAsync();
        await page.GetByTestId("save-button").ClickAsync();
        await Expect(page.GetByTestId("message")).ToContainTextAsync("Import users and companies is enabled");
        await Expect(page.GetByTestId("check-failed")).ToContainTextAsync("it skips these until their ids are set in Intercom");
        await tab.ShotAsync("enabled");

        // A few slow Intercom answers keep the sync running long enough to watch it.
        hub.Simulator.InjectFault("slow", count: 4, pathPrefix: "/companies", delay: TimeSpan.FromSeconds(1));
        await page.GetByTestId("sync-button").ClickAsync();
        var state = page.GetByTestId("sync-state");
        await Expect(state).ToHaveAttributeAsync("data-state", "running");
        await page.EvaluateAsync("() => window.notReloaded = true");
        await Expect(page.GetByTestId("sync-status")).ToContainTextAsync("API calls");
        await tab.ShotAsync("syncing");
        await Expect(state).ToHaveAttributeAsync("data-state", "completed", new() { Timeout = 60_000 });
        await tab.ShotAsync("synced");

        (await page.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeTrue("the status updated itself, without a reload");
        await Expect(page.GetByTestId("sync-status")).ToContainTextAsync("Sync completed");
        await Expect(page.GetByTestId("sync-summary")).ToContainTextAsync($"{expected.Count} qualified");

        await page.Locator("header.top nav").GetByRole(AriaRole.Link, new() { Name = "Accounts" }).ClickAsync();
        await tab.WaitForPathAsync("/accounts", leave: false, "the nav opens the accounts");
        await Expect(page.GetByTestId("account-total")).ToHaveTextAsync($"{expected.Count} matching");
        await tab.ShotAsync("accounts");
        (await page.GetByTestId("account-link").AllInnerTextsAsync()).ShouldBe(expected.Select(c => c.Name ?? "(no name)"), ignoreOrder: true);

        var company = expected.First(c => c.TagIds.Count > 0 && c.SegmentIds.Count > 0 && c.CustomAttributes.Count > 0 && c.Name is not null);
        await page.GetByTestId("account-search").FillAsync(company.CompanyId!);
        await page.GetByTestId("apply-filters").ClickAsync();
        var row = page.GetByTestId("account-row").Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = company.CompanyId, Exact = true }) });
        await tab.ShotAsync("searched");
        await row.GetByTestId("account-link").ClickAsync();
        await Expect(page.GetByTestId("account-external-id")).ToHaveTextAsync(company.CompanyId!);
        await tab.ShotAsync("account");

        await Expect(page.GetByTestId("account-name")).ToContainTextAsync(company.Name!);
        var attributes = page.GetByTestId("custom-attribute");
        await Expect(attributes).ToHaveCountAsync(company.CustomAttributes.Count);
        foreach (var (name, value) in company.CustomAttributes)
            await Expect(page.Locator($"[data-testid=custom-attribute][data-name='{name}'] [data-testid=custom-attribute-value]")).ToHaveTextAsync(IntercomSteps.Shown(value));
        (await page.GetByTestId("tags").GetByTestId("tag").AllInnerTextsAsync()).ShouldBe(hub.TagNames(company), ignoreOrder: true);
        (await page.GetByTestId("segments").GetByTestId("segment").AllInnerTextsAsync()).ShouldBe(hub.SegmentNames(company), ignoreOrder: true);
    }
}
