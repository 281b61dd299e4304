using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Support;
using Rapport.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Rapport.Browser.Tests;

/// <summary>The integration's options: the pre-enable check's error list and the live qualification preview.</summary>
public sealed class IntercomOptionsSpecs(Chromium chromium)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enabling_the_import_lists_the_records_without_ids_and_once_they_are_fixed_in_Intercom_it_is_enabled()
    {
        await using var hub = await HubFixture.StartWarmAsync(Cancel);
        await using var tab = await BrowserTab.OpenAsync(chromium, hub);
        await tab.SignInAsync(WebHub.AdminEmail, WebHub.AdminPassword);
        await tab.OpenIntercomSettingsAsync();
        await tab.ConnectWithTokenAsync(hub);
        var (company, user) = hub.RemoveSomeIds();
        var workspace = hub.Simulator.Workspace;
        var companiesWithoutId = workspace.Companies.Where(c => string.IsNullOrEmpty(c.CompanyId)).ToList();
        var page = tab.Page;

        await Expect(page.GetByTestId("option-events")).ToBeDisabledAsync();
        await page.GetByTestId("option-import").CheckAsync();
        await Expect(page.GetByTestId("option-events")).ToBeEnabledAsync();
        await page.GetByTestId("save-button").ClickAsync();
        await Expect(page.GetByTestId("check-failed")).ToBeVisibleAsync();
        await tab.ShotAsync("ids-missing");

        await Expect(page.GetByTestId("problem")).ToContainTextAsync("Import users and companies was not enabled");
        await Expect(page.GetByTestId("check-company-row")).ToHaveCountAsync(companiesWithoutId.Count);
        var companyRow = page.GetByTestId("check-company-row").Filter(new() { HasText = company.Id });
        await Expect(companyRow.GetByRole(AriaRole.Link, new() { Name = "Open in Intercom" }))
            .ToHaveAttributeAsync("href", $"https://app.intercom.com/a/apps/{workspace.AppId}/companies/{company.Id}");
        var userRow = page.GetByTestId("check-user-row").Filter(new() { HasText = user.Id });
        await Expect(userRow).ToContainTextAsync(user.Email ?? "");
        await Expect(userRow.GetByRole(AriaRole.Link, new() { Name = "Open in Intercom" }))
            .ToHaveAttributeAsync("href", new Regex($"/apps/{workspace.AppId}/.*{user.Id}"));
        await Expect(page.GetByTestId("check-csv")).ToHaveAttributeAsync("href", "/api/v1/integrations/intercom/check.csv");
        await tab.VisitAsync(IntercomSteps.IntercomPage, "reloaded");
        await Expect(page.GetByTestId("option-import")).Not.ToBeCheckedAsync();
        // Import users and companies stayed off: the integration is conversations only, and Sync now says so rather
        // than refusing.
        await Expect(page.GetByTestId("sync-mode")).ToContainTextAsync("Conversations only");
        await Expect(page.GetByTestId("sync-button")).ToBeEnabledAsync();

        await hub.FixEveryIdInIntercomAsync(Cancel);
        await page.GetByTestId("option-import").CheckAsync();
        await page.GetByTestId("save-button").ClickAsync();
        await Expect(page.GetByTestId("check-passed")).ToBeVisibleAsync();
        await tab.ShotAsync("check-passed");

        await Expect(page.GetByTestId("message")).ToContainTextAsync("Import users and companies is enabled");
        await Expect(page.GetByTestId("check-company-row")).ToHaveCountAsync(0);
        await tab.VisitAsync(IntercomSteps.IntercomPage, "enabled");
        await Expect(page.GetByTestId("option-import")).ToBeCheckedAsync();
        await Expect(page.GetByTestId("sync-button")).ToBeEnabledAsync();
    }

    [Fact]
    public async Task Typing_a_rule_updates_the_count_of_qualifying_companies_without_saving_and_a_bad_rule_shows_its_error()
    {
        await using var hub = await HubFixture.StartWarmAsync(Cancel);
        await hub.SeeEveryCompanyYesterdayAsync(Cancel);
        await using var tab = await BrowserTab.OpenAsync(chromium, hub);
        await tab.SignInAsync(WebHub.AdminEmail, WebHub.AdminPassword);
        await tab.OpenIntercomSettingsAsync();
        await tab.ConnectWithTokenAsync(hub);
        var companies = hub.Simulator.Workspace.Companies;
        var expected = companies.Count(c => !string.IsNullOrEmpty(c.CompanyId) && c.MonthlySpend > 50);
        var page = tab.Page;
        await Expect(page.GetByTestId("preview-count")).ToHaveTextAsync("–");

        await page.GetByTestId("rules").PressSequentiallyAsync("monthly_spend > 50");
        await Expect(page.GetByTestId("preview-count")).ToHaveTextAsync(expected.ToString("N0"));
        await tab.ShotAsync("counted");

        await Expect(page.Locator("#preview-text")).ToContainTextAsync($"of {companies.Count} companies qualify");
        await Expect(page.GetByTestId("rules-error")).ToBeHiddenAsync();
        tab.Path.ShouldBe(IntercomSteps.IntercomPage);
        (await hub.Store.SyncState.GetSyncStateAsync("intercom.settings", Cancel)).ShouldBeNull("typing previews; only Save stores");

        await page.GetByTestId("rules").FillAsync("");
        await page.GetByTestId("rules").PressSequentiallyAsync("plan in [Pro");
        await Expect(page.GetByTestId("rules-error")).ToBeVisibleAsync();
        await tab.ShotAsync("bad-rule");
        await Expect(page.GetByTestId("rules-error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("preview-count")).ToHaveTextAsync("–");
        await Expect(page.Locator("#preview-text")).ToContainTextAsync("fix the rules to count them");

        await page.GetByTestId("rules").PressSequentiallyAsync(", Enterprise]");
        var proOrEnterprise = companies.Count(c => !string.IsNullOrEmpty(c.CompanyId) && c.Plan is "Pro" or "Enterprise");
        await Expect(page.GetByTestId("preview-count")).ToHaveTextAsync(proOrEnterprise.ToString("N0"));
        await Expect(page.GetByTestId("rules-error")).ToBeHiddenAsync();
        await tab.ShotAsync("fixed-rule");
    }
}
