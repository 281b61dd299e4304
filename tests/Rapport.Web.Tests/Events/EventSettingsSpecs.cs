using Rapport.Hub.Events;
using Rapport.IntercomSimulator;
using Rapport.Web.Tests.Accounts;

namespace Rapport.Web.Tests.Events;

/// <summary>Settings → Events and its API, with events arriving from the simulator as signed webhooks.</summary>
public sealed class EventSettingsSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>An imported hub with event import on, and a user of an imported company.</summary>
    private static async Task<(WebHub Hub, SimulatedContact User)> LiveHubAsync()
    {
        var hub = await ImportedHub.StartAsync(Token);
        await hub.EnableEventImportAsync(await hub.TokenClientAsync(TeamRole.Admin));
        var imported = ImportedHub.Imported(hub).Select(c => c.Id).ToHashSet();
        var user = hub.Simulator.Workspace.Contacts.First(c => c.Role == "user" && c.ExternalId is not null && c.CompanyIds.Any(imported.Contains));
        return (hub, user);
    }

    private static async Task TrackAsync(WebHub hub, SimulatedContact user, string name, int seconds, long expectedStored)
    {
        hub.Simulator.Workspace.TrackEvent(user.Id, name, TimeProvider.System.GetUtcNow().AddSeconds(seconds)).ShouldBeTrue();
        await WebHub.EventuallyAsync(
            async () => await hub.Store.Events.FindEventNameAsync(name, Token) is { } n && n.StoredCount + n.DroppedCount == expectedStored,
            $"the '{name}' webhook is applied");
    }

    [Fact]
    public async Task An_event_from_Intercom_is_listed_tracked_and_an_Admin_ignores_it_with_the_pages_form()
    {
        var (hub, user) = await LiveHubAsync();
        await using var _ = hub;
        await TrackAsync(hub, user, "report-exported", 1, 1);
        var browser = await hub.SignedInAsync();
        (await browser.GetStringAsync("/settings", Token)).ShouldContain("href=\"/settings/events\"");
        var page = await browser.GetStringAsync("/settings/events", Token);
        page.ShouldContain("data-name=\"report-exported\"");
        page.ShouldContain(">Tracked</span>");

        var response = await WebHub.PostFormAsync(browser, "/settings/events?handler=Status", new() { ["name"] = "report-exported", ["status"] = "ignored" });
        await TrackAsync(hub, user, "report-exported", 2, 2);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Token)).ShouldContain("is ignored: its new events are dropped and only counted");
        var name = (await hub.Store.Events.FindEventNameAsync("report-exported", Token)).ShouldNotBeNull();
        (name.Status, name.StoredCount, name.DroppedCount).ShouldBe((EventStatus.Ignored, 1L, 1L));
        name.StatusChangedBy.ShouldNotBeNull().ShouldContain(WebHub.AdminEmail);
        page = await browser.GetStringAsync("/settings/events", Token);
        page.ShouldContain(">Ignored</span>");
        page.ShouldContain("<td data-testid=\"dropped\">1</td>");
    }

    [Fact]
    public async Task Only_Admins_and_Leaders_change_a_status_and_nobody_signed_out_reads_the_names()
    {
        var (hub, user) = await LiveHubAsync();
        await using var _ = hub;
        await TrackAsync(hub, user, "report-exported", 1, 1);
        var member = await hub.TokenClientAsync(TeamRole.TeamMember);
        var leader = await hub.TokenClientAsync(TeamRole.Leader);
        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };
        var ignore = new { status = "ignored" };

        (await anonymous.GetAsync("/api/v1/events/names", Token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PutAsJsonAsync("/api/v1/events/names/report-exported/status", ignore, Token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await member.PutAsJsonAsync("/api/v1/events/names/report-exported/status", ignore, Token)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PostAsync("/api/v1/events/names/report-exported/purge", null, Token)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await hub.Store.Events.FindEventNameAsync("report-exported", Token))!.Status.ShouldBe(EventStatus.Tracked, "a refused change changes nothing");

        var names = await member.GetFromJsonAsync<JsonElement>("/api/v1/events/names", Token);
        names.EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("tracked");
        var changed = await leader.PutAsJsonAsync("/api/v1/events/names/report-exported/status", ignore, Token);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await changed.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("status").GetString().ShouldBe("ignored");
        (await leader.PutAsJsonAsync("/api/v1/events/names/report-exported/status", new { status = "maybe" }, Token)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await leader.PutAsJsonAsync("/api/v1/events/names/never-seen/status", ignore, Token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (email, password) = await hub.AddTeammateAsync(TeamRole.TeamMember);
        var memberPage = await (await hub.SignedInAsync(email, password)).GetAsync("/settings/events", Token);
        memberPage.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        memberPage.Headers.Location!.AbsolutePath.ShouldBe("/denied", "the page needs the settings role");
    }

    [Fact]
    public async Task Purging_an_ignored_name_asks_for_confirmation_then_deletes_its_history()
    {
        var (hub, user) = await LiveHubAsync();
        await using var _ = hub;
        await TrackAsync(hub, user, "heartbeat", 1, 1);
        await TrackAsync(hub, user, "heartbeat", 2, 2);
        var api = await hub.TokenClientAsync(TeamRole.Admin);
        (await api.PostAsync("/api/v1/events/names/heartbeat/purge", null, Token)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "a tracked name keeps its history");
        (await api.PutAsJsonAsync("/api/v1/events/names/heartbeat/status", new { status = "ignored" }, Token)).EnsureSuccessStatusCode();
        var browser = await hub.SignedInAsync();

        (await browser.GetStringAsync("/settings/events", Token)).ShouldContain("href=\"/settings/events?purge=heartbeat\"");
        var confirmation = await browser.GetStringAsync("/settings/events?purge=heartbeat", Token);
        var unconfirmed = await WebHub.PostFormAsync(browser, "/settings/events?handler=Purge", new() { ["name"] = "heartbeat" });
        var purged = await WebHub.PostFormAsync(browser, "/settings/events?handler=Purge", new() { ["name"] = "heartbeat", ["confirm"] = "yes" });

        confirmation.ShouldContain("Delete the 2 stored events of <strong>heartbeat</strong>?");
        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect, "without the confirmation it only asks");
        (await purged.Content.ReadAsStringAsync(Token)).ShouldContain("Purged 2 stored events of &#x27;heartbeat&#x27;.");
        var userId = (await hub.Store.Browse.FindUserAsync(user.ExternalId!, Token))!.Id;
        (await hub.Store.Events.ListUserEventsAsync(userId, 10, Token)).ShouldBeEmpty();
        var name = (await hub.Store.Events.FindEventNameAsync("heartbeat", Token)).ShouldNotBeNull();
        (name.StoredCount, name.PurgedCount, name.HeldCount).ShouldBe((2L, 2L, 0L));
    }
}
