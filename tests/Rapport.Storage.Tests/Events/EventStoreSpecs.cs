using Rapport.Hub.Events;
using Rapport.Hub.Accounts;
using Rapport.Hub.Users;

namespace Rapport.Storage.Tests.Events;

public sealed class EventStoreSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Account acme with users ada and bob (mirrored contacts u1, u2); account zeta with user zoe (u3).</summary>
    private async Task<TestStore> WithUsersAsync(string provider)
    {
        var hub = await fixture.OpenAsync(provider, _time);
        await hub.Sources.ApplyCompaniesAsync([Qualified(Company("c1", "acme")), Qualified(Company("c2", "zeta"))], "run-1", cancellationToken: Token);
        await hub.Sources.MirrorContactsAsync(
            [Contact("u1", "ada", "c1"), Contact("u2", "bob", "c1"), Contact("u3", "zoe", "c2")], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync(Intercom, Token);
        return hub;
    }

    private static SourceEvent Event(string name, string? user, int minute = 0, string? contact = null, string metadata = """{"plan":"Pro"}""") =>
        new(Intercom, "app1", user, contact, name, Start.AddMinutes(minute), metadata);

    private static async Task<long> UserIdAsync(TestStore hub, string externalId) =>
        (await hub.QueryAsync<long>("SELECT id FROM users WHERE external_id = @externalId", new { externalId })).Single();

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_event_delivered_three_times_is_stored_once(string provider)
    {
        await using var hub = await WithUsersAsync(provider);

        var first = await hub.Events.RecordEventsAsync([Event("exported", "ada"), Event("exported", "ada")], Token);
        var again = await hub.Events.RecordEventsAsync([Event("exported", "ada") with { OccurredAt = Start.AddMilliseconds(400) }], Token);

        first.ShouldBe([EventOutcome.Stored, EventOutcome.Duplicate]);
        again.ShouldBe([EventOutcome.Duplicate], "Intercom's created_at has whole seconds: the same second is the same event");
        var events = await hub.Events.ListUserEventsAsync(new UserId(await UserIdAsync(hub, "ada")), 10, Token);
        events.Count.ShouldBe(1);
        events[0].Name.ShouldBe("exported");
        events[0].OccurredAt.ShouldBe(Start);
        events[0].MetadataJson.ShouldContain("Pro");
        (await hub.Events.FindEventNameAsync("exported", Token)).ShouldNotBeNull().StoredCount.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_same_name_at_the_same_moment_is_a_different_event_for_another_user(string provider)
    {
        await using var hub = await WithUsersAsync(provider);

        var outcomes = await hub.Events.RecordEventsAsync([Event("exported", "ada"), Event("exported", "bob"), Event("exported", "ada", minute: 1)], Token);

        outcomes.ShouldBe([EventOutcome.Stored, EventOutcome.Stored, EventOutcome.Stored]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_event_without_a_user_id_attaches_through_its_mirrored_contact_and_one_of_an_unknown_user_is_not_stored(string provider)
    {
        await using var hub = await WithUsersAsync(provider);

        var outcomes = await hub.Events.RecordEventsAsync(
            [Event("login", null, contact: "u2"), Event("login", "nobody"), Event("login", null, contact: "u-unknown")], Token);

        outcomes.ShouldBe([EventOutcome.Stored, EventOutcome.UnknownUser, EventOutcome.UnknownUser]);
        var bob = await hub.Events.ListUserEventsAsync(new UserId(await UserIdAsync(hub, "bob")), 10, Token);
        bob.ShouldHaveSingleItem().UserExternalId.ShouldBe("bob");
        var name = (await hub.Events.FindEventNameAsync("login", Token)).ShouldNotBeNull();
        (name.StoredCount, name.UnmatchedCount, name.DroppedCount).ShouldBe((1L, 2L, 0L));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_new_name_is_tracked_and_an_ignored_one_stores_nothing_but_its_dropped_count(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Events.RecordEventsAsync([Event("heartbeat", "ada", minute: 5)], Token);
        (await hub.Events.FindEventNameAsync("heartbeat", Token)).ShouldNotBeNull().Status.ShouldBe(EventStatus.Tracked);

        await hub.Events.SetEventStatusAsync("heartbeat", EventStatus.Ignored, "admin@example.test", Token);
        var outcomes = await hub.Events.RecordEventsAsync([Event("heartbeat", "ada", minute: 1), Event("heartbeat", "bob", minute: 9)], Token);

        outcomes.ShouldBe([EventOutcome.Ignored, EventOutcome.Ignored]);
        var name = (await hub.Events.FindEventNameAsync("heartbeat", Token)).ShouldNotBeNull();
        (name.StoredCount, name.DroppedCount).ShouldBe((1L, 2L));
        (name.FirstSeen, name.LastSeen).ShouldBe((Start.AddMinutes(1), Start.AddMinutes(9)), "seen counts dropped events too");
        (await hub.QueryAsync<long>("SELECT COUNT(*) FROM events")).Single().ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_ignored_name_is_dropped_from_every_source_even_one_that_first_delivers_it_afterwards(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Events.RecordEventsAsync([Event("heartbeat", "ada")], Token);

        await hub.Events.SetEventStatusAsync("heartbeat", EventStatus.Ignored, "admin@example.test", Token);
        var outcomes = await hub.Events.RecordEventsAsync(
            [Event("heartbeat", "bob", minute: 1), Event("heartbeat", "bob", minute: 2) with { Source = "segment", Workspace = "m-1" }], Token);

        outcomes.ShouldBe([EventOutcome.Ignored, EventOutcome.Ignored], "the status is the name's, whatever source delivers it");
        (await hub.Events.ListUserEventsAsync(new UserId(await UserIdAsync(hub, "bob")), 10, Token)).ShouldBeEmpty();
        var name = (await hub.Events.FindEventNameAsync("heartbeat", Token)).ShouldNotBeNull();
        name.Sources.Select(s => (s.Source, s.StoredCount, s.DroppedCount)).ShouldBe([("intercom", 1L, 1L), ("segment", 0L, 1L)]);
        (await hub.Events.ListEventNamesAsync(Token)).ShouldHaveSingleItem().Status.ShouldBe(EventStatus.Ignored);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_name_from_two_sources_is_listed_once_and_a_purge_clears_both(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Events.RecordEventsAsync([Event("exported", "ada", minute: 3), Event("exported", "bob", minute: 1) with { Source = "segment", Workspace = "m-1" }], Token);

        var listed = (await hub.Events.ListEventNamesAsync(Token)).ShouldHaveSingleItem();
        await hub.Events.SetEventStatusAsync("exported", EventStatus.Ignored, "admin", Token);
        var purged = await hub.Events.PurgeEventsAsync("exported", Token);

        (listed.Name, listed.StoredCount, listed.FirstSeen, listed.LastSeen).ShouldBe(("exported", 2L, Start.AddMinutes(1), Start.AddMinutes(3)));
        listed.Sources.Select(s => s.Source).ShouldBe(["intercom", "segment"]);
        purged.ShouldBe(2);
        (await hub.QueryAsync<long>("SELECT COUNT(*) FROM events")).Single().ShouldBe(0);
        var name = (await hub.Events.FindEventNameAsync("exported", Token)).ShouldNotBeNull();
        name.Sources.Select(s => (s.Source, s.PurgedCount)).ShouldBe([("intercom", 1L), ("segment", 1L)]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_status_change_records_who_and_when_and_an_unknown_name_changes_nothing(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Events.RecordEventsAsync([Event("exported", "ada")], Token);
        _time.Advance(TimeSpan.FromHours(2));

        var changed = await hub.Events.SetEventStatusAsync("exported", EventStatus.Ignored, "lead@example.test", Token);

        changed.ShouldNotBeNull();
        (changed.Status, changed.StatusChangedBy, changed.StatusChangedAt).ShouldBe((EventStatus.Ignored, "lead@example.test", Start.AddHours(2)));
        (await hub.Events.SetEventStatusAsync("never-seen", EventStatus.Ignored, "lead@example.test", Token)).ShouldBeNull();
        (await hub.Events.ListEventNamesAsync(Token)).Select(n => n.Name).ShouldBe(["exported"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_purge_deletes_an_ignored_names_events_and_keeps_its_row_and_counts(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Events.RecordEventsAsync([Event("heartbeat", "ada"), Event("heartbeat", "bob"), Event("exported", "ada")], Token);

        (await hub.Events.PurgeEventsAsync("heartbeat", Token)).ShouldBeNull("a tracked name is not purged");
        await hub.Events.SetEventStatusAsync("heartbeat", EventStatus.Ignored, "admin", Token);
        var purged = await hub.Events.PurgeEventsAsync("heartbeat", Token);

        purged.ShouldBe(2);
        (await hub.Events.ListUserEventsAsync(new UserId(await UserIdAsync(hub, "ada")), 10, Token)).Select(e => e.Name).ShouldBe(["exported"]);
        var name = (await hub.Events.FindEventNameAsync("heartbeat", Token)).ShouldNotBeNull();
        (name.Status, name.StoredCount, name.PurgedCount, name.HeldCount).ShouldBe((EventStatus.Ignored, 2L, 2L, 0L));
        (await hub.Events.PurgeEventsAsync("never-seen", Token)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_accounts_events_are_those_of_its_users_newest_first_and_limited(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Events.RecordEventsAsync(
            [Event("a", "ada", minute: 1), Event("b", "bob", minute: 3), Event("c", "zoe", minute: 4), Event("d", "ada", minute: 2)], Token);
        var acme = (await hub.QueryAsync<long>("SELECT id FROM accounts WHERE external_id = 'acme'")).Single();

        var events = await hub.Events.ListAccountEventsAsync(new AccountId(acme), 2, Token);

        events.Select(e => (e.Name, e.UserExternalId)).ShouldBe([("b", "bob"), ("d", "ada")]);
        events[0].UserName.ShouldBe("Person u2");
        (await hub.Events.ListAccountEventsAsync(new AccountId(acme), 10, Token)).Count.ShouldBe(3, "zoe belongs to another account");
    }
}
