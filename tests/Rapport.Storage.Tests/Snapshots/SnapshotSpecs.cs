using Rapport.Hub.Sources;
using Rapport.Hub.Storage;

namespace Rapport.Storage.Tests.Snapshots;

public sealed class SnapshotSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>An import in three company batches and two contact batches, with odd values on purpose.</summary>
    private static readonly CompanyDecision[][] CompanyBatches =
    [
        [Qualified(Company("c1", "acme", "Acme \"Quoted\" Inc.\nSecond line")), Qualified(Company("c2", "globex"))],
        [NotQualified(Company("c3", "initech"), "plan is free"),
            Qualified(Company("c4", "umbrella") with { CustomAttributesJson = """{"b": 1e2, "a": [true, null, "é"]}""", MonthlySpend = 0.10m })],
        [Qualified(Company("c5", "hooli") with { Tags = [], Segments = [], LastSeenAt = null, MonthlySpend = null })],
    ];

    private static readonly SourceContact[][] ContactBatches =
    [
        [Contact("u1", "ada", "c1", "c2"), Contact("u2", null, "c1"), Contact("u3", "carol", "c3")],
        [Contact("u4", "dan", "c4", "c5", "c9") with { RawJson = """{ "id" : "u4",  "nested": {"z": 1, "a": 2} }""" }],
    ];

    /// <summary>Users' segments, read whole once the contacts are in; one contact is not in the mirror.</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> Segments = new(StringComparer.Ordinal)
    {
        ["u1"] = ["VIP", "Active trial", "Élite"],
        ["u4"] = ["VIP"],
        ["u-gone"] = ["VIP"],
    };

    [Fact]
    public async Task SQLite_and_PostgreSQL_give_the_same_snapshot_for_the_same_history()
    {
        await using var sqlite = await fixture.OpenAsync(Providers.Sqlite, new FakeTimeProvider(Start));
        await using var postgres = await fixture.OpenAsync(Providers.Postgres, new FakeTimeProvider(Start.AddDays(3)));

        await ImportAsync(sqlite.Sources);
        await ImportAsync(postgres.Sources);

        var expected = await sqlite.Browse.ExportSnapshotAsync(Token);
        (await postgres.Browse.ExportSnapshotAsync(Token)).ShouldBe(expected);
        expected.ShouldContain("account \"acme\"");
        expected.ShouldContain("member of \"globex\" via \"intercom\"");
        expected.ShouldContain("segments=[\"Active trial\",\"VIP\",\"Élite\"]");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_import_resumed_after_crashes_gives_the_same_snapshot_as_an_uninterrupted_one(string provider)
    {
        var time = new FakeTimeProvider(Start);
        await using var straight = await fixture.OpenAsync(provider, time);
        await using var resumed = await fixture.OpenAsync(provider, time);
        await ImportAsync(straight.Sources);

        // A crash after batch 2 was accepted but before the caller knew: the restarted process replays batches 2 and 3
        // under a new run id, and contact batch 1 twice.
        await resumed.Sources.ApplyCompaniesAsync(CompanyBatches[0], "run-a", new SyncCheckpoint("companies", "1"), Token);
        await resumed.Sources.ApplyCompaniesAsync(CompanyBatches[1], "run-a", new SyncCheckpoint("companies", "2"), Token);
        await resumed.ReopenAsync(time);
        time.Advance(TimeSpan.FromMinutes(5));
        await resumed.Sources.ApplyCompaniesAsync(CompanyBatches[1], "run-b", new SyncCheckpoint("companies", "2"), Token);
        await resumed.Sources.ApplyCompaniesAsync(CompanyBatches[2], "run-b", new SyncCheckpoint("companies", "3"), Token);
        await resumed.Sources.MirrorContactsAsync(ContactBatches[0], "run-b", new SyncCheckpoint("contacts", "1"), Token);
        await resumed.Sources.ReplaceContactSegmentsAsync("intercom", Segments, Token);
        await resumed.ReopenAsync(time);
        await resumed.Sources.MirrorContactsAsync(ContactBatches[0], "run-c", new SyncCheckpoint("contacts", "1"), Token);
        await resumed.Sources.MirrorContactsAsync(ContactBatches[1], "run-c", new SyncCheckpoint("contacts", "2"), Token);
        await resumed.Sources.ReplaceContactSegmentsAsync("intercom", Segments, Token);
        await resumed.Sources.ReplaceContactSegmentsAsync("intercom", Segments, Token);
        await resumed.Sources.DeriveUsersAsync("intercom", Token);
        await resumed.Sources.DeriveUsersAsync("intercom", Token);

        (await resumed.Browse.ExportSnapshotAsync(Token)).ShouldBe(await straight.Browse.ExportSnapshotAsync(Token));
    }

    private static async Task ImportAsync(ISourceStore store)
    {
        foreach (var batch in CompanyBatches)
        {
            await store.ApplyCompaniesAsync(batch, "run-1", cancellationToken: Token);
        }

        foreach (var batch in ContactBatches)
        {
            await store.MirrorContactsAsync(batch, "run-1", cancellationToken: Token);
        }

        await store.ReplaceContactSegmentsAsync("intercom", Segments, Token);

        await store.DeriveUsersAsync("intercom", Token);
    }
}
