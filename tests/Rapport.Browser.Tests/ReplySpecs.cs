using System.Net.Http.Json;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Support;
using Rapport.Hub.Team;
using Rapport.Application.Settings;
using Rapport.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Rapport.Browser.Tests;

/// <summary>Replying from a conversation page, as a Team Member with an Intercom inbox seat and as one without.</summary>
public sealed class ReplySpecs(Chromium chromium)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_seat_holding_Team_Member_replies_from_the_conversation_page_and_sees_it_confirmed()
    {
        await using var hub = await HubFixture.StartWarmAsync(Cancel);
        var id = await ConversationAsync(hub);
        var seated = hub.Simulator.Workspace.Admins.First(a => a.HasInboxSeat);
        var (email, password) = await hub.AddMappedTeammateAsync(TeamRole.TeamMember, seated.Email);
        await using var tab = await BrowserTab.OpenAsync(chromium, hub);
        await tab.SignInAsync(email, password);

        await tab.VisitAsync($"/conversations/{id}", "reply-box");
        var page = tab.Page;
        await Expect(page.GetByTestId("reply-as")).ToHaveTextAsync(seated.Name);
        await page.GetByTestId("reply-body").FillAsync("Fixed on our side, please try again");
        await page.GetByTestId("reply-send").ClickAsync();

        await tab.WaitForPathAsync($"/conversations/{id}", leave: false, "sending goes back to the thread");
        var reply = page.Locator("[data-testid=part][data-kind=admin]").Filter(new() { HasText = "Fixed on our side, please try again" });
        await Expect(reply).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("pending-send")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await tab.ShotAsync("reply-confirmed");
        var inIntercom = hub.Simulator.Workspace.FindConversation(id)!.Parts.ShouldHaveSingleItem();
        inIntercom.Author.Id.ShouldBe(seated.Id);
        (await reply.GetAttributeAsync("data-id")).ShouldBe(inIntercom.Id);
        await Expect(reply.GetByTestId("part-author")).ToHaveTextAsync(seated.Name);
    }

    [Fact]
    public async Task A_teammate_without_a_seat_sees_no_reply_box_and_why()
    {
        await using var hub = await HubFixture.StartWarmAsync(Cancel);
        var id = await ConversationAsync(hub);
        var unseated = hub.Simulator.Workspace.Admins.First(a => !a.HasInboxSeat);
        var (email, password) = await hub.AddMappedTeammateAsync(TeamRole.TeamMember, unseated.Email);
        await using var tab = await BrowserTab.OpenAsync(chromium, hub);
        await tab.SignInAsync(email, password);

        await tab.VisitAsync($"/conversations/{id}", "no-seat");

        await Expect(tab.Page.GetByTestId("reply-form")).ToHaveCountAsync(0);
        await Expect(tab.Page.GetByTestId("no-seat")).ToContainTextAsync("has no inbox seat");
    }

    /// <summary>A connected hub with webhooks on and a customer's conversation stored.</summary>
    private static async Task<string> ConversationAsync(WebHub hub)
    {
        await new IntercomIntegrationSettings().SaveAsync(hub.Store.SyncState, Cancel);
        await hub.ConnectWithTokenAsync(await hub.TokenClientAsync(TeamRole.Admin));
        hub.Simulator.ConfigureWebhooks(new Uri(hub.BaseAddress, "webhooks/intercom"));
        var contact = hub.Simulator.Workspace.Contacts.First(c => c.Role == "user" && c.Email is not null);
        using var intercom = new HttpClient { BaseAddress = hub.Simulator.BaseAddress };
        var started = await intercom.PostAsJsonAsync("_simulator/conversations", new { contact_id = contact.Id, body = "The export button does nothing" }, Cancel);
        var id = (await started.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancel)).GetProperty("id").GetString()!;
        var waited = TimeProvider.System.GetTimestamp();
        while (await hub.Store.Conversations.GetConversationAsync("intercom", id, Cancel) is null)
        {
            if (TimeProvider.System.GetElapsedTime(waited) > TimeSpan.FromSeconds(20))
                throw new Xunit.Sdk.XunitException($"Conversation {id} did not reach the hub by webhook within 20 seconds.");
            await Task.Delay(50, Cancel);
        }

        return id;
    }
}
