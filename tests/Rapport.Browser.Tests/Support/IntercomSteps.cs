using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Rapport.IntercomSimulator;
using Rapport.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Rapport.Browser.Tests.Support;

/// <summary>
/// The Intercom integration's steps as a teammate clicks them, and the changes a workspace owner makes in Intercom (the
/// simulator), through its HTTP API rather than by reaching into its memory.
/// </summary>
internal static class IntercomSteps
{
    public const string IntercomPage = "/settings/integrations/intercom";

    /// <summary>Settings → Integrations → Intercom, through the links.</summary>
    public static async Task OpenIntercomSettingsAsync(this BrowserTab tab)
    {
        await tab.Page.Locator("header.top nav").GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Integrations", Exact = true }).ClickAsync();
        await tab.Page.GetByTestId("integration-configure").ClickAsync();
        await tab.WaitForPathAsync(IntercomPage, leave: false, "Configure opens the Intercom settings");
    }

    /// <summary>Pastes the simulator's access token into the private-app form.</summary>
    public static async Task ConnectWithTokenAsync(this BrowserTab tab, WebHub hub)
    {
        await tab.Page.GetByTestId("token-field").FillAsync(hub.Simulator.Options.AccessToken);
        await tab.Page.GetByTestId("token-button").ClickAsync();
        await Expect(tab.Page.GetByTestId("message")).ToContainTextAsync("Connected to Rapport Simulator");
    }

    /// <summary>Chooses the region, clicks "Connect to Intercom" and waits on the simulator's consent page.</summary>
    public static async Task GoToIntercomsConsentPageAsync(this BrowserTab tab, WebHub hub, string region)
    {
        await tab.Page.GetByTestId("region-select").SelectOptionAsync(region);
        await tab.Page.GetByTestId("connect-button").ClickAsync();
        await tab.WaitForPathAsync("/oauth", leave: false, "Connect to Intercom goes to Intercom's authorize page");
        new Uri(tab.Page.Url).Port.ShouldBe(hub.Simulator.BaseAddress.Port, "the authorize page is Intercom's (the simulator's), not Rapport's");
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Authorize");
    }

    /// <summary>The whole OAuth connection, ending on the configuration.</summary>
    public static async Task ConnectWithOAuthAsync(this BrowserTab tab, WebHub hub, string region = "us")
    {
        await tab.GoToIntercomsConsentPageAsync(hub, region);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Authorize" }).ClickAsync();
        await tab.WaitForPathAsync(IntercomPage, leave: false, "authorizing brings the browser back to the configuration");
        await Expect(tab.Page.GetByTestId("connection-workspace")).ToHaveTextAsync("Rapport Simulator");
    }

    /// <summary>Sets every missing company_id and user_id, as the workspace owner does in Intercom.</summary>
    public static async Task FixEveryIdInIntercomAsync(this WebHub hub, CancellationToken cancellationToken)
    {
        using var intercom = IntercomApi(hub);
        var workspace = hub.Simulator.Workspace;
        foreach (var company in workspace.Companies.Where(c => string.IsNullOrEmpty(c.CompanyId)).ToList())
        {
            using var response = await intercom.PostAsJsonAsync($"_simulator/companies/{company.Id}", new { company_id = "fixed-" + company.Id }, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
        foreach (var user in workspace.Contacts.Where(c => c.Role == "user" && string.IsNullOrEmpty(c.ExternalId)).ToList())
        {
            using var response = await intercom.PutAsJsonAsync($"contacts/{user.Id}", new { external_id = "fixed-" + user.Id }, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Every company was last seen yesterday, so the 90-day window lets all of them through and expectations stay simple.</summary>
    public static async Task SeeEveryCompanyYesterdayAsync(this WebHub hub, CancellationToken cancellationToken)
    {
        using var intercom = IntercomApi(hub);
        var yesterday = TimeProvider.System.GetUtcNow().AddDays(-1).ToUnixTimeSeconds();
        foreach (var company in hub.Simulator.Workspace.Companies.ToList())
        {
            using var response = await intercom.PostAsJsonAsync($"_simulator/companies/{company.Id}", new { last_request_at = yesterday }, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>How the account page shows a custom attribute's value: JSON text, strings unquoted, dates as Intercom's unix seconds.</summary>
    public static string Shown(object? value) => value switch
    {
        null => "null",
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTimeOffset time => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string[] TagNames(this WebHub hub, SimulatedCompany company)
    {
        var names = hub.Simulator.Workspace.Tags.ToDictionary(t => t.Id, t => t.Name);
        return [.. company.TagIds.Select(id => names[id]).Order(StringComparer.Ordinal)];
    }

    public static string[] SegmentNames(this WebHub hub, SimulatedCompany company)
    {
        var names = hub.Simulator.Workspace.Segments.ToDictionary(s => s.Id, s => s.Name);
        return [.. company.SegmentIds.Select(id => names[id]).Order(StringComparer.Ordinal)];
    }

    private static HttpClient IntercomApi(WebHub hub)
    {
        var client = new HttpClient { BaseAddress = hub.Simulator.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hub.Simulator.Options.AccessToken);
        return client;
    }
}
