using Rapport.Hub.Storage;
using Rapport.Hub.Sync;

namespace Rapport.Storage.Tests.Checkpoints;

public sealed class CheckpointSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_checkpoint_is_saved_with_its_batch(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);

        await hub.Sources.ApplyCompaniesAsync(
            [Qualified(Company("c1", "acme"))], "run-1", new SyncCheckpoint("companies.scroll", "page-2"), Token);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1")], "run-1", new SyncCheckpoint("contacts.cursor", "abc"), Token);
        await hub.ReopenAsync(_time);

        (await hub.SyncState.GetSyncStateAsync("companies.scroll", Token)).ShouldBe("page-2");
        (await hub.SyncState.GetSyncStateAsync("contacts.cursor", Token)).ShouldBe("abc");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_failing_batch_keeps_neither_its_rows_nor_its_checkpoint(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        await hub.SyncState.SetSyncStateAsync("contacts.cursor", "page-1", Token);
        var broken = Contact("u2", "bob", "c1") with { RawJson = "{not json" };

        await Should.ThrowAsync<Exception>(() => hub.Sources.MirrorContactsAsync(
            [Contact("u1", "ada", "c1"), broken], "run-1", new SyncCheckpoint("contacts.cursor", "page-2"), Token));

        (await hub.SyncState.GetSyncStateAsync("contacts.cursor", Token)).ShouldBe("page-1");
        (await hub.Browse.CountAsync(Token)).MirroredContacts.ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Sync_state_is_kept_overwritten_and_cleared(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);

        await hub.SyncState.SetSyncStateAsync("webhooks.last", "1", Token);
        await hub.SyncState.SetSyncStateAsync("webhooks.last", "2", Token);
        var kept = await hub.SyncState.GetSyncStateAsync("webhooks.last", Token);
        await hub.SyncState.SetSyncStateAsync("webhooks.last", null, Token);

        kept.ShouldBe("2");
        (await hub.SyncState.GetSyncStateAsync("webhooks.last", Token)).ShouldBeNull();
        (await hub.SyncState.GetSyncStateAsync("never.set", Token)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_runs_are_listed_newest_first(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var first = new ImportRunRecord("run-1", Start, Start.AddMinutes(3), "completed", """{"companies":10}""");
        var second = new ImportRunRecord("run-2", Start.AddHours(1), null, "running", "{}");

        await hub.SyncState.RecordImportRunAsync(first, Token);
        await hub.SyncState.RecordImportRunAsync(second, Token);
        await hub.SyncState.RecordImportRunAsync(second with { FinishedAt = Start.AddHours(2), Status = "failed" }, Token);

        var runs = await hub.SyncState.ListImportRunsAsync(10, Token);
        runs.ShouldBe([second with { FinishedAt = Start.AddHours(2), Status = "failed" }, first]);
        (await hub.SyncState.ListImportRunsAsync(1, Token)).Count.ShouldBe(1);
    }
}
