using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rapport.Storage;
using Rapport.Application.Import;
using Rapport.Application.Push;
using Rapport.Application.Segment;
using Rapport.Hub.Sync;
using Rapport.Testing;

namespace Rapport.Web.Tests.Integration;

/// <summary>
/// A second process on the same hub (another server node, or <c>rapport import</c> / <c>rapport push</c> run beside the
/// server) holding the sync or the push: this node says so instead of running the job a second time.
/// </summary>
public sealed class OtherProcessSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sweep_or_push_held_by_another_process_is_refused_naming_it_and_starts_once_that_one_lets_go()
    {
        await using var synced = await SyncedHub.StartAsync(Token);
        var (hub, api) = (synced.Hub, synced.Api);
        (hub.PushJob.Debounce, hub.PushJob.MaxWait) = (TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        (await api.PutAsJsonAsync(WebHub.PushApi, new { enabled = true, prefix = "Rapport", monthlySpend = true, scheduleMinutes = 0 }, Token)).EnsureSuccessStatusCode();
        await using var other = await HubStores.OpenAsync(hub.DatabasePath, TimeProvider.System, Token);
        var sync = (await other.SyncState.TryHoldJobAsync(HubJob.IntercomSync, Token)).ShouldNotBeNull();
        var push = (await other.SyncState.TryHoldJobAsync(HubJob.IntercomPush, Token)).ShouldNotBeNull();
        hub.Simulator.Stats.Reset();

        var sweep = await api.PostAsync(WebHub.IntercomApi + "/sweep", null, Token);
        var pushNow = await api.PostAsync(WebHub.PushApi + "/run", null, Token);
        var dryRun = await api.PostAsync(WebHub.PushApi + "/run?dryRun=true", null, Token);

        sweep.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Detail(sweep)).ShouldBe(IntercomSyncJob.ElsewhereRefusal);
        pushNow.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Detail(pushNow)).ShouldBe(IntercomPush.ElsewhereRefusal);
        dryRun.StatusCode.ShouldBe(HttpStatusCode.OK, "a dry run writes nothing, so it may look while the other process pushes");
        hub.Simulator.Stats.RequestsTo("PUT /companies/{company_id}").ShouldBe(0);

        await sync.DisposeAsync();
        await push.DisposeAsync();

        (await api.PostAsync(WebHub.IntercomApi + "/sweep", null, Token)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await api.PostAsync(WebHub.PushApi + "/run", null, Token)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Segment_calls_accepted_while_another_process_applies_the_inbox_are_left_to_it_and_applied_here_once_it_is_gone()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var segment = await hub.SegmentClientAsync();
        await hub.SegmentAppliedAsync(0);
        var other = await HubStores.OpenAsync(hub.DatabasePath, TimeProvider.System, Token);
        // This node's worker took the inbox when it started; to stand in for a node that started first, it lets go and
        // starts again once the other process holds it.
        var worker = hub.Worker<SegmentInboxWorker>();
        await worker.StopAsync(Token);
        var held = (await other.SyncState.TryHoldJobAsync(HubJob.SegmentInbox, Token)).ShouldNotBeNull();
        await worker.StartAsync(Token);

        var accepted = await WebHub.SendSegmentAsync(segment, "/v1/identify", """{"userId":"u-1","traits":{"email":"ada@example.com"}}""");
        // This node's worker looks at the inbox again, and finds it held by the other process.
        await hub.SegmentPassAsync();

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await hub.Store.Segment.CountSegmentInboxAsync(Token)).Pending.ShouldBe(1, "the call is kept for the process that applies the inbox");

        await held.DisposeAsync();
        await other.DisposeAsync();

        await hub.SegmentAppliedAsync(1);
    }

    private static async Task<string?> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("detail").GetString();
}
