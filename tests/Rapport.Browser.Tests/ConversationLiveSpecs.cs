using System.Net.Http.Json;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Support;
using Rapport.Hub.Team;
using Rapport.Application.Settings;
using Rapport.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Rapport.Browser.Tests;

/// <summary>A conversation page kept open while the customer answers in Intercom.</summary>
public sealed class ConversationLiveSpecs(Chromium chromium)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reply_written_in_Intercom_appears_on_the_open_conversation_page_without_a_reload()
    {
        await using var hub = await HubFixture.StartWarmAsync(Cancel);
        await new IntercomIntegrationSettings().SaveAsync(hub.Store.SyncState, Cancel);
        await hub.ConnectWithTokenAsync(await hub.TokenClientAsync(TeamRole.Admin));
        hub.Simulator.ConfigureWebhooks(new Uri(hub.BaseAddress, "webhooks/intercom"));
        var contact = hub.Simulator.Workspace.Contacts.First(c => c.Role == "user" && c.Email is not null);
        using var intercom = new HttpClient { BaseAddress = hub.Simulator.BaseAddress };
        var started = await intercom.PostAsJsonAsync("_simulator/conversations", new { contact_id = contact.Id, body = "My dashboard is empty" }, Cancel);
        var id = (await started.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancel)).GetProperty("id").GetString()!;
        var (email, password) = await hub.AddTeammateAsync(TeamRole.TeamMember);
        await using var tab = await BrowserTab.OpenAsync(chromium, hub);
        await tab.SignInAsync(email, password);
        await WaitStoredAsync(hub, id);

        await tab.VisitAsync($"/conversations/{id}", "opened");
        var page = tab.Page;
        await Expect(page.GetByTestId("part-body")).ToHaveTextAsync(["My dashboard is empty"]);
        await page.EvaluateAsync("() => window.notReloaded = true");
        (await intercom.PostAsJsonAsync($"_simulator/conversations/{id}/reply", new { body = "It is back now, thanks!", author_type = "user" }, Cancel))
            .EnsureSuccessStatusCode();

        await Expect(page.GetByTestId("part-body")).ToHaveTextAsync(["My dashboard is empty", "It is back now, thanks!"], new() { Timeout = 20_000 });
        await tab.ShotAsync("reply-arrived");
        (await page.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeTrue("the reply came in without reloading the page");
        tab.Path.ShouldBe($"/conversations/{id}");
        await Expect(page.Locator("[data-testid=part][data-kind=user]")).ToHaveCountAsync(2);
    }

    private static async Task WaitStoredAsync(WebHub hub, string id)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (await hub.Store.Conversations.GetConversationAsync("intercom", id, Cancel) is null)
        {
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(20))
                throw new Xunit.Sdk.XunitException($"Conversation {id} did not reach the hub by webhook within 20 seconds.");
            await Task.Delay(50, Cancel);
        }
    }
}
