using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Browser.Tests.Support;
using Rapport.Hub.Team;
using Rapport.Application.Import;
using Rapport.Application.Settings;
using Rapport.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Rapport.Browser.Tests;

/// <summary>Starting a conversation with a user from their message page, as a Team Member with an Intercom inbox seat.</summary>
public sealed class MessageSpecs(Chromium chromium)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_after_a_preview_sends_the_message_once_to_Intercom()
    {
        await using var hub = await HubFixture.StartWarmAsync(Cancel);
        var userId = await ImportedUserAsync(hub);
        var seated = hub.Simulator.Workspace.Admins.First(a => a.HasInboxSeat);
        var (email, password) = await hub.AddMappedTeammateAsync(TeamRole.TeamMember, seated.Email);
        await using var tab = await BrowserTab.OpenAsync(chromium, hub);
        await tab.SignInAsync(email, password);
        var page = tab.Page;

        await tab.VisitAsync($"/users/{userId}/message", "compose");
        await page.GetByTestId("message-body").FillAsync("Checking in after the export fix.");
        await page.GetByTestId("message-preview-button").ClickAsync();
        await Expect(page.GetByTestId("preview-body")).ToHaveTextAsync("Checking in after the export fix.");
        await tab.ShotAsync("previewed");
        await page.GetByTestId("message-send").ClickAsync();

        await tab.WaitForPathAsync($"/users/{userId}/message", leave: true, "sending leaves the message page");
        await tab.ShotAsync("sent");
        var api = await hub.TokenClientAsync(email, password);
        var sends = await api.GetFromJsonAsync<JsonElement>("/api/v1/sends", Cancel);
        var send = sends.EnumerateArray().ShouldHaveSingleItem();
        send.GetProperty("body").GetString()!.ShouldContain("Checking in after the export fix.");
        send.GetProperty("kind").GetString().ShouldBe("message");
        hub.Simulator.Stats.MessagesCreated.ShouldBe(1, "Intercom received the message once");
    }

    /// <summary>A hub connected to the simulator, its companies imported (only those with ids), and one of their users' hub id.</summary>
    private static async Task<long> ImportedUserAsync(WebHub hub)
    {
        var now = TimeProvider.System.GetUtcNow();
        foreach (var company in hub.Simulator.Workspace.Companies)
            hub.Simulator.Workspace.UpdateCompany(company.Id, c => c.LastRequestAt = now.AddDays(-1));
        await hub.ImportAsync(new ImportOptions { OnlyWithIds = true }, Cancel);
        await new IntercomIntegrationSettings { ImportUsersAndCompanies = true, OnlyWithIds = true }.SaveAsync(hub.Store.SyncState, Cancel);
        await hub.ConnectWithTokenAsync(await hub.TokenClientAsync(TeamRole.Admin));
        hub.Simulator.ConfigureWebhooks(new Uri(hub.BaseAddress, "webhooks/intercom"));
        foreach (var contact in hub.Simulator.Workspace.Contacts.Where(c => c.Role == "user" && c.ExternalId is not null))
        {
            if (await hub.Store.Browse.FindUserAsync(contact.ExternalId!, Cancel) is { } user)
                return user.Id.Value;
        }

        throw new Xunit.Sdk.XunitException("The import brought in no user.");
    }
}
