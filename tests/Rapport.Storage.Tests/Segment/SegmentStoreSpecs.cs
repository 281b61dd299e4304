using Rapport.Hub.Duplicates;
using Rapport.Hub.Events;
using Rapport.Hub.Sources;
using Rapport.Hub.Users;

namespace Rapport.Storage.Tests.Segment;

/// <summary>The store's side of a second source, on SQLite and PostgreSQL: events on accounts, cross-source folding, merge and undo.</summary>
public sealed class SegmentStoreSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Accounts acme (ada, bob) and zeta (zoe).</summary>
    private async Task<TestStore> WithUsersAsync(string provider)
    {
        var hub = await fixture.OpenAsync(provider, _time);
        await hub.Sources.ApplyCompaniesAsync([Qualified(Company("c1", "acme")), Qualified(Company("c2", "zeta"))], "run-1", cancellationToken: Token);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1"), Contact("u2", "bob", "c1"), Contact("u3", "zoe", "c2")], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync(Intercom, Token);
        return hub;
    }

    private static async Task<long> IdAsync(TestStore hub, string table, string externalId) =>
        (await hub.QueryAsync<long>($"SELECT id FROM {table} WHERE external_id = @externalId", new { externalId })).Single();

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_second_sources_copy_within_the_window_is_folded_and_one_outside_it_is_kept(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Events.RecordEventsAsync([new SourceEvent(Intercom, "app1", "ada", null, "exported", Start, "{}")], Token);
        await hub.Events.RecordEventsAsync(
            [new SourceEvent("segment", "m-1", "ada", null, "exported", Start.AddSeconds(30), "{}"),
             new SourceEvent("segment", "m-2", "ada", null, "exported", Start.AddMinutes(10), "{}")], Token);

        var folded = await hub.Events.FoldCrossSourceEventsAsync(TimeSpan.FromMinutes(1), Token);

        folded.ShouldBe(1);
        (await hub.Events.ListUserEventsAsync(new UserId(await IdAsync(hub, "users", "ada")), 10, Token)).Select(e => e.Source).Order().ShouldBe([Intercom, "segment"]);
        (await hub.Events.ListSharedEventNamesAsync(Token)).ShouldBe([("exported", 1L)]);
        (await hub.Events.FoldCrossSourceEventsAsync(TimeSpan.FromMinutes(1), Token)).ShouldBe(0, "a pass starts where the last one stopped");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_accounts_name_is_its_best_ranked_records_and_follows_a_changed_precedence(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        var names = async () => (await hub.QueryAsync<string>("SELECT name FROM accounts WHERE external_id = 'acme'")).Single();

        await hub.Sources.ApplyCompaniesAsync([Qualified(Company("acme", "acme", "Acme from Segment", source: "segment"))], "segment", cancellationToken: Token);
        (await names()).ShouldBe("Company c1", "Intercom ranks first for the name by default");

        await hub.Sources.SetSourcePrecedenceAsync(
            new SourcePrecedence(new Dictionary<string, IReadOnlyList<string>> { ["name"] = ["segment", "intercom"] }), Token);
        (await names()).ShouldBe("Acme from Segment");
        await hub.Sources.ApplyCompaniesAsync([Qualified(Company("c1", "acme", "Acme renamed in Intercom"))], "run-2", cancellationToken: Token);
        (await names()).ShouldBe("Acme from Segment", "an Intercom update no longer renames it");
        (await hub.Sources.GetSourcePrecedenceAsync(Token)).Order("name").ShouldBe(["segment", "intercom"]);
        (await hub.Sources.GetSourcePrecedenceAsync(Token)).Order("plan").ShouldBe(["intercom", "segment"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_duplicate_report_pairs_a_shared_domain_but_not_one_that_many_accounts_share(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        await hub.Sources.ApplyCompaniesAsync(
            [Qualified(Company("c1", "acme") with { Website = "https://www.acme.test" }),
             Qualified(Company("acme-grp", "grp-acme", source: "segment") with { Website = "acme.test/about" }),
             .. Enumerable.Range(1, 5).Select(i => Qualified(Company($"h{i}", $"hosted-{i}") with { Website = $"https://host.test/shop-{i}" }))],
            "run-1", cancellationToken: Token);

        var found = await hub.Duplicates.FindDuplicatesAsync(Token);

        var pair = found.ShouldHaveSingleItem("five accounts on one host are no evidence of one company");
        (pair.Rule, pair.Evidence).ShouldBe(("same-domain", "website domain acme.test"));
        new[] { pair.First.ExternalId, pair.Second.ExternalId }.Order().ShouldBe(["acme", "grp-acme"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_event_done_twice_in_the_window_and_delivered_by_both_sources_counts_twice(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Events.RecordEventsAsync([new SourceEvent(Intercom, "app1", "ada", null, "exported", Start, "{}")], Token);
        await hub.Events.RecordEventsAsync([new SourceEvent("segment", "m-1", "ada", null, "exported", Start.AddSeconds(1), "{}")], Token);
        await hub.Events.RecordEventsAsync([new SourceEvent(Intercom, "app1", "ada", null, "exported", Start.AddSeconds(20), "{}")], Token);
        await hub.Events.RecordEventsAsync([new SourceEvent("segment", "m-2", "ada", null, "exported", Start.AddSeconds(21), "{}")], Token);

        var folded = await hub.Events.FoldCrossSourceEventsAsync(TimeSpan.FromMinutes(1), Token);

        folded.ShouldBe(2, "each Segment copy folds onto an Intercom event; the second Intercom event is no copy of a folded one");
        (await hub.Events.ListUserEventsAsync(new UserId(await IdAsync(hub, "users", "ada")), 10, Token)).Select(e => e.Source).ShouldBe([Intercom, Intercom]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_track_event_lands_on_its_named_account_else_on_the_users_most_recent_one(string provider)
    {
        await using var hub = await WithUsersAsync(provider);

        await hub.Segment.RecordAccountEventsAsync(
            [(new SourceEvent("segment", "m-1", "ada", null, "exported", Start, "{}"), "zeta"),
             (new SourceEvent("segment", "m-2", "ada", null, "opened", Start, "{}"), null)], Token);

        var accounts = await hub.QueryAsync<(string Name, long AccountId)>("SELECT name, account_id FROM events ORDER BY name");
        accounts.ShouldBe([("exported", await IdAsync(hub, "accounts", "zeta")), ("opened", await IdAsync(hub, "accounts", "acme"))]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Merging_accounts_moves_links_memberships_and_events_and_undo_restores_the_snapshot(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Segment.RecordAccountEventsAsync([(new SourceEvent("segment", "m-1", "zoe", null, "exported", Start, "{}"), "zeta")], Token);
        var before = await hub.Browse.ExportSnapshotAsync(Token);
        var (acme, zeta) = (await IdAsync(hub, "accounts", "acme"), await IdAsync(hub, "accounts", "zeta"));

        var merge = (await hub.Duplicates.MergeAsync(RecordKind.Account, acme, zeta, "same domain", "tests", Token)).ShouldNotBeNull();

        (await hub.Browse.FindAccountAsync("acme", Token)).ShouldNotBeNull().UserExternalIds.Order().ShouldBe(["ada", "bob", "zoe"]);
        (await hub.Browse.FindAccountAsync("zeta", Token)).ShouldNotBeNull().StatusReason.ShouldBe("merged into acme");
        (await hub.QueryAsync<long>("SELECT account_id FROM events")).ShouldBe([acme]);
        (await hub.Duplicates.MergeAsync(RecordKind.Account, acme, zeta, "again", "tests", Token)).ShouldBeNull("a merged record is not merged twice");

        (await hub.Duplicates.UndoMergeAsync(merge.Id, "tests", Token)).ShouldNotBeNull().UndoneBy.ShouldBe("tests");

        (await hub.Browse.ExportSnapshotAsync(Token)).ShouldBe(before);
        (await hub.QueryAsync<long>("SELECT account_id FROM events")).ShouldBe([zeta]);
        (await hub.Duplicates.UndoMergeAsync(merge.Id, "tests", Token)).ShouldBeNull();
    }
}
