using Rapport.IntercomSimulator;
using Rapport.Web.Tests.Accounts;
using Rapport.Hub.Users;

namespace Rapport.Web.Tests.Segment;

/// <summary>
/// Cross-source de-duplication: the same product event from Intercom (a signed event.created webhook from the simulator)
/// and from Segment (a track call), for one user known to both by the same user_id/userId.
/// </summary>
public sealed class SegmentDedupSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(WebHub Hub, SimulatedContact User, HttpClient Admin)> HubAsync(int? windowSeconds)
    {
        var hub = await ImportedHub.StartAsync(Token);
        var admin = await hub.TokenClientAsync(TeamRole.Admin);
        await hub.EnableEventImportAsync(admin);
        var imported = ImportedHub.Imported(hub).Select(c => c.Id).ToHashSet();
        var user = hub.Simulator.Workspace.Contacts.First(c => c.Role == "user" && c.ExternalId is not null && c.CompanyIds.Any(imported.Contains));
        if (windowSeconds is { } window)
        {
            var response = await admin.PutAsJsonAsync("/api/v1/integrations/segment/dedup", new { on = true, windowSeconds = window }, Token);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Token));
        }

        return (hub, user, admin);
    }

    /// <summary>Intercom's copy at <paramref name="at"/>, Segment's <paramref name="apart"/> later; waits until both are stored.</summary>
    private static async Task<int> DeliverBothAsync(WebHub hub, SimulatedContact user, TimeSpan apart)
    {
        var at = TimeProvider.System.GetUtcNow().AddSeconds(2);
        hub.Simulator.Workspace.TrackEvent(user.Id, "Report Exported", at).ShouldBeTrue();
        await WebHub.EventuallyAsync(async () => (await hub.Store.Events.FindEventNameAsync("Report Exported", Token))?.From("intercom") is { StoredCount: 1 }, "Intercom's event is stored");
        var track = $$"""{"userId":"{{user.ExternalId}}","event":"Report Exported","timestamp":"{{(at + apart).UtcDateTime:O}}","messageId":"m-dup"}""";
        (await WebHub.SendSegmentAsync(await hub.SegmentClientAsync(), "/v1/track", track)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WebHub.EventuallyAsync(async () => (await hub.Store.Events.FindEventNameAsync("Report Exported", Token))?.From("segment") is { StoredCount: 1 }, "Segment's event is stored");
        var hubUser = (await hub.Store.Browse.FindUserAsync(user.ExternalId!, Token)).ShouldNotBeNull();
        return (int)hubUser.Id.Value;
    }

    private static async Task<int> HeldAsync(WebHub hub, long userId) =>
        (await hub.Store.Events.ListUserEventsAsync(new UserId(userId), 50, Token)).Count(e => e.Name == "Report Exported");

    [Fact]
    public async Task The_same_event_from_both_sources_within_the_window_counts_once_and_the_Events_page_shows_it_folded()
    {
        var (hub, user, _) = await HubAsync(windowSeconds: 60);
        await using var _hub = hub;

        var userId = await DeliverBothAsync(hub, user, TimeSpan.FromSeconds(5));

        await WebHub.EventuallyAsync(async () => await HeldAsync(hub, userId) == 1, "the second copy is folded");
        var page = await (await hub.SignedInAsync()).GetStringAsync("/settings/events", Token);
        page.ShouldContain("data-testid=\"dedup-folded\"");
        page.ShouldContain("data-testid=\"folded-count\">1<");
    }

    [Fact]
    public async Task The_same_event_outside_the_window_counts_twice()
    {
        var (hub, user, _) = await HubAsync(windowSeconds: 60);
        await using var _hub = hub;

        var userId = await DeliverBothAsync(hub, user, TimeSpan.FromMinutes(10));
        await hub.SegmentAppliedAsync(1);
        await hub.SegmentPassAsync(); // one more pass of the worker, which would fold a twin

        (await HeldAsync(hub, userId)).ShouldBe(2);
    }

    [Fact]
    public async Task With_de_duplication_off_the_event_counts_twice_and_the_Events_page_warns()
    {
        var (hub, user, _) = await HubAsync(windowSeconds: null);
        await using var _hub = hub;

        var userId = await DeliverBothAsync(hub, user, TimeSpan.FromSeconds(5));
        await hub.SegmentAppliedAsync(1);
        await hub.SegmentPassAsync();

        (await HeldAsync(hub, userId)).ShouldBe(2);
        var page = await (await hub.SignedInAsync()).GetStringAsync("/settings/events", Token);
        page.ShouldContain("data-testid=\"dedup-warning\"");
        page.ShouldContain("counted twice");
    }
}
