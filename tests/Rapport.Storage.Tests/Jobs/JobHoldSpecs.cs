using Microsoft.Extensions.DependencyInjection;
using Rapport.Hub.Sync;

namespace Rapport.Storage.Tests.Jobs;

/// <summary>Two processes on one hub (two <c>serve</c> nodes, or <c>serve</c> and a CLI run): a job runs in one of them at a time.</summary>
public sealed class JobHoldSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Build.Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_job_held_by_one_store_is_refused_to_another_on_the_same_hub_until_released(string provider)
    {
        await using var node1 = await fixture.OpenAsync(provider, _time);
        await using var node2services = await TestStore.ComposeAsync(node1.Database, _time);
        var node2 = node2services.GetRequiredService<ISyncStateStore>();

        var push = await node1.SyncState.TryHoldJobAsync(HubJob.IntercomPush, Token);
        push.ShouldNotBeNull();
        (await node2.TryHoldJobAsync(HubJob.IntercomPush, Token)).ShouldBeNull("node 1 is pushing");
        (await node1.SyncState.TryHoldJobAsync(HubJob.IntercomPush, Token)).ShouldBeNull("a second push in the same process waits its turn too");

        await using (var sync = await node2.TryHoldJobAsync(HubJob.IntercomSync, Token))
            sync.ShouldNotBeNull("a sync is another job: it does not wait for the push");

        await push.DisposeAsync();
        await using var again = await node2.TryHoldJobAsync(HubJob.IntercomPush, Token);
        again.ShouldNotBeNull("node 1 let go");
    }

    [Fact]
    public async Task Two_hubs_in_two_schemas_of_one_PostgreSQL_database_never_wait_for_each_other()
    {
        // The fixture gives each store a schema of its own in the class's one database.
        await using var hub1 = await fixture.OpenAsync(Providers.Postgres, _time);
        await using var hub2 = await fixture.OpenAsync(Providers.Postgres, _time);

        await using var push1 = await hub1.SyncState.TryHoldJobAsync(HubJob.IntercomPush, Token);
        await using var push2 = await hub2.SyncState.TryHoldJobAsync(HubJob.IntercomPush, Token);

        push1.ShouldNotBeNull();
        push2.ShouldNotBeNull("another hub's push is no reason to wait");
    }

    [Fact]
    public async Task A_PostgreSQL_hold_dies_with_its_session_so_a_crashed_node_leaves_nothing_locked()
    {
        await using var node1 = await fixture.OpenAsync(Providers.Postgres, _time);
        await using var node2services = await TestStore.ComposeAsync(node1.Database, _time);
        var node2 = node2services.GetRequiredService<ISyncStateStore>();
        var held = await node1.SyncState.TryHoldJobAsync(HubJob.IntercomSync, Token);
        held.ShouldNotBeNull();
        (await held.IsHeldAsync(Token)).ShouldBeTrue();

        // What the server sees when a node's process is killed: its session ends.
        await node1.ExecuteAsync("""
            SELECT pg_terminate_backend(pid) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND classid = 1383101044 + 1 -- "Rprt" + the sync's number
            """);

        (await held.IsHeldAsync(Token)).ShouldBeFalse("node 1 can tell it lost the job");
        await using var taken = await WaitForHoldAsync(node2, HubJob.IntercomSync);
        taken.ShouldNotBeNull("the dead session's lock is gone");
        (await taken.IsHeldAsync(Token)).ShouldBeTrue();
        await held.DisposeAsync(); // the connection is dead already: releasing must not throw
    }

    private static async Task<IJobHold?> WaitForHoldAsync(ISyncStateStore store, HubJob job)
    {
        // The server drops a terminated session's locks as the backend exits, a moment after the call returns.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await store.TryHoldJobAsync(job, Token) is { } hold)
                return hold;
            await Task.Delay(100, Token);
        }

        return null;
    }
}
