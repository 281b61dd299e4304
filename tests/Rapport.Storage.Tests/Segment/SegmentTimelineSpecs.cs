using Rapport.Hub.Events;
using Rapport.Hub.Accounts;

namespace Rapport.Storage.Tests.Segment;

/// <summary>An account's timeline shows the events the account model counts for it, on SQLite and PostgreSQL.</summary>
public sealed class SegmentTimelineSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<long> AccountIdAsync(TestStore hub, string externalId) =>
        (await hub.QueryAsync<long>("SELECT id FROM accounts WHERE external_id = @externalId", new { externalId })).Single();

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_track_naming_one_account_shows_there_alone_and_an_event_naming_none_shows_on_each_of_its_users_accounts(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        await hub.Sources.ApplyCompaniesAsync([Qualified(Company("c1", "acme")), Qualified(Company("c2", "zeta"))], "run-1", cancellationToken: Token);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1", "c2")], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync(Intercom, Token);
        await hub.Segment.RecordAccountEventsAsync([(new SourceEvent("segment", "m-1", "ada", null, "Report Exported", Start, "{}"), "acme")], Token);
        await hub.Events.RecordEventsAsync([new SourceEvent(Intercom, "app1", "ada", null, "logged-in", Start.AddMinutes(1), "{}")], Token);

        var onAcme = await hub.Events.ListAccountEventsAsync(new AccountId(await AccountIdAsync(hub, "acme")), 10, Token);
        var onZeta = await hub.Events.ListAccountEventsAsync(new AccountId(await AccountIdAsync(hub, "zeta")), 10, Token);

        onAcme.Select(e => (e.Source, e.Name)).ShouldBe([(Intercom, "logged-in"), ("segment", "Report Exported")]);
        onZeta.Select(e => (e.Source, e.Name)).ShouldBe([(Intercom, "logged-in")], "the track named acme as its group");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_timeline_limit_keeps_the_newest_of_both_kinds(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        await hub.Sources.ApplyCompaniesAsync([Qualified(Company("c1", "acme"))], "run-1", cancellationToken: Token);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1")], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync(Intercom, Token);
        await hub.Segment.RecordAccountEventsAsync(
            [.. Enumerable.Range(0, 3).Select(i => (new SourceEvent("segment", $"m-{i}", "ada", null, $"s{i}", Start.AddMinutes(i * 2), "{}"), (string?)"acme"))], Token);
        await hub.Events.RecordEventsAsync(
            [.. Enumerable.Range(0, 3).Select(i => new SourceEvent(Intercom, "app1", "ada", null, $"i{i}", Start.AddMinutes(i * 2 + 1), "{}"))], Token);

        var events = await hub.Events.ListAccountEventsAsync(new AccountId(await AccountIdAsync(hub, "acme")), 3, Token);

        events.Select(e => e.Name).ShouldBe(["i2", "s2", "i1"]);
    }
}
