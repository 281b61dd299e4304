using Rapport.Hub.Webhooks;

namespace Rapport.Storage.Tests.Inbox;

public sealed class InboxLagSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_empty_inbox_has_no_lag(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);

        var lag = await hub.Inbox.MeasureInboxLagAsync(Start.AddHours(-1), Token);

        lag.ShouldBe(new InboxLag(0, null, null, null));
        lag.WaitingFor(Start).ShouldBe(TimeSpan.Zero);
        lag.LastApplyDelay.ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_lag_is_the_age_of_the_oldest_waiting_notification_and_the_last_ones_time_from_arrival_to_applied(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        await hub.Inbox.AppendToInboxAsync(Notification("notif_early"), Token);
        _time.Advance(TimeSpan.FromMinutes(10));
        await hub.Inbox.AppendToInboxAsync(Notification("notif_applied"), Token);
        _time.Advance(TimeSpan.FromMinutes(1));
        await hub.Inbox.AppendToInboxAsync(Notification("notif_failing"), Token);
        await hub.Inbox.AppendToInboxAsync(Notification("notif_waiting"), Token);
        var claimed = await hub.Inbox.ClaimInboxAsync(3, Lease, 5, Token);
        _time.Advance(TimeSpan.FromSeconds(3));
        // Applied an hour and more ago: outside the last hour.
        await hub.Inbox.MarkInboxAppliedAsync(claimed[0].Id, "applied", Token);
        _time.Advance(TimeSpan.FromMinutes(70));
        await hub.Inbox.MarkInboxAppliedAsync(claimed[1].Id, "applied", Token);
        await hub.Inbox.MarkInboxFailedAsync(claimed[2].Id, "boom", TimeSpan.FromSeconds(30), Token);

        var lag = await hub.Inbox.MeasureInboxLagAsync(_time.GetUtcNow().AddHours(-1), Token);

        lag.AppliedSince.ShouldBe(1);
        lag.OldestWaitingReceivedAt.ShouldBe(Start.AddMinutes(11), "the failed one is counted apart, not as waiting");
        lag.LastAppliedReceivedAt.ShouldBe(Start.AddMinutes(10));
        lag.LastAppliedAt.ShouldBe(_time.GetUtcNow());
        lag.LastApplyDelay.ShouldBe(TimeSpan.FromMinutes(71) + TimeSpan.FromSeconds(3));
        lag.WaitingFor(_time.GetUtcNow()).ShouldBe(TimeSpan.FromMinutes(70) + TimeSpan.FromSeconds(3));
    }

    private static InboxNotification Notification(string id) => new(
        id, "company.updated", "app1", "company", "c-" + id, Start.AddMinutes(-1), Start.AddMinutes(-2), $$"""{"id":"{{id}}"}""");
}
