using Rapport.Hub.Webhooks;

namespace Rapport.Storage.Tests.Inbox;

public sealed class InboxSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_redelivered_notification_is_acknowledged_but_stored_once(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);

        (await hub.Inbox.AppendToInboxAsync(Notification("notif_1"), Token)).ShouldBeTrue();
        (await hub.Inbox.AppendToInboxAsync(Notification("notif_1"), Token)).ShouldBeFalse();
        (await hub.Inbox.AppendToInboxAsync(Notification("notif_1"), Token)).ShouldBeFalse();

        var counts = await hub.Inbox.CountInboxAsync(Token);
        counts.ShouldBe(new InboxCounts(1, 0, 1, 0, Start, null));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_batch_is_stored_in_one_go_and_tells_each_notification_whether_it_was_new(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        await hub.Inbox.AppendToInboxAsync(Notification("notif_old"), Token);

        var stored = await hub.Inbox.AppendToInboxAsync([Notification("notif_x"), Notification("notif_old"), Notification("notif_y"), Notification("notif_x")], Token);

        stored.ShouldBe([true, false, true, false]);
        (await hub.Inbox.CountInboxAsync(Token)).Received.ShouldBe(3);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Notifications_are_claimed_in_received_order_and_each_by_one_worker_until_its_lease_ends(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        foreach (var id in new[] { "notif_c", "notif_a", "notif_b" })
            await hub.Inbox.AppendToInboxAsync(Notification(id), Token);

        var first = await hub.Inbox.ClaimInboxAsync(2, Lease, 5, Token);
        var second = await hub.Inbox.ClaimInboxAsync(2, Lease, 5, Token);
        var none = await hub.Inbox.ClaimInboxAsync(2, Lease, 5, Token);
        _time.Advance(Lease);
        var again = await hub.Inbox.ClaimInboxAsync(5, Lease, 5, Token);

        first.Select(i => i.Notification.NotificationId).ShouldBe(["notif_c", "notif_a"]);
        second.Select(i => i.Notification.NotificationId).ShouldBe(["notif_b"]);
        none.ShouldBeEmpty();
        again.Select(i => (i.Notification.NotificationId, i.Attempts)).ShouldBe([("notif_c", 2), ("notif_a", 2), ("notif_b", 2)]);
        first[0].Notification.ShouldBe(Notification("notif_c"));
        first[0].ReceivedAt.ShouldBe(Start);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Workers_claiming_at_the_same_time_never_get_the_same_notification(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        for (var i = 0; i < 200; i++)
            await hub.Inbox.AppendToInboxAsync(Notification($"notif_{i:D3}"), Token);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => hub.Inbox.ClaimInboxAsync(40, Lease, 5, Token)));

        var ids = claims.SelectMany(c => c).Select(i => i.Notification.NotificationId).ToList();
        ids.Count.ShouldBe(200);
        ids.Distinct().Count().ShouldBe(200);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_applied_notification_is_done_and_a_failed_one_comes_back_after_its_delay_until_attempts_run_out(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        await hub.Inbox.AppendToInboxAsync(Notification("notif_ok"), Token);
        await hub.Inbox.AppendToInboxAsync(Notification("notif_bad"), Token);
        var claimed = await hub.Inbox.ClaimInboxAsync(10, Lease, 2, Token);

        await hub.Inbox.MarkInboxAppliedAsync(claimed[0].Id, "applied", Token);
        await hub.Inbox.MarkInboxFailedAsync(claimed[1].Id, "boom", TimeSpan.FromSeconds(30), Token);
        var tooSoon = await hub.Inbox.ClaimInboxAsync(10, Lease, 2, Token);
        _time.Advance(TimeSpan.FromSeconds(30));
        var retried = await hub.Inbox.ClaimInboxAsync(10, Lease, 2, Token);
        await hub.Inbox.MarkInboxFailedAsync(retried[0].Id, "boom again", TimeSpan.FromSeconds(30), Token);
        _time.Advance(TimeSpan.FromMinutes(5));
        var exhausted = await hub.Inbox.ClaimInboxAsync(10, Lease, 2, Token);

        tooSoon.ShouldBeEmpty();
        retried.Select(i => i.Notification.NotificationId).ShouldBe(["notif_bad"]);
        exhausted.ShouldBeEmpty("two attempts were allowed");
        var counts = await hub.Inbox.CountInboxAsync(Token);
        (counts.Received, counts.Applied, counts.Pending, counts.Failed).ShouldBe((2, 1, 1, 1));
        counts.LastAppliedAt.ShouldBe(Start);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Nothing_stored_means_no_source_time_and_no_company_to_mark_deleted(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);

        (await hub.Sources.FindSourceUpdatedAtAsync("intercom", "company", "nope", Token)).ShouldBeNull();
        (await hub.Sources.FindSourceUpdatedAtAsync("intercom", "contact", "nope", Token)).ShouldBeNull();
        (await hub.Sources.DeactivateSourceCompanyAsync("intercom", "nope", "deleted in Intercom", Token)).ShouldBeFalse();
    }

    private static InboxNotification Notification(string id) => new(
        id, "company.updated", "app1", "company", "c-" + id, Start.AddMinutes(-1), Start.AddMinutes(-2), $$"""{"id":"{{id}}"}""");
}
