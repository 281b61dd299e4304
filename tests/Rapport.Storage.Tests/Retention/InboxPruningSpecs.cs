using Rapport.Hub.Segment;
using Rapport.Hub.Webhooks;
using Rapport.Hub.Retention;

namespace Rapport.Storage.Tests.Retention;

/// <summary>Inbox retention in the store: what a pruning pass deletes, what it keeps, and the counts that go on counting.</summary>
public sealed class InboxPruningSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Applied_rows_older_than_the_retention_go_and_pending_failed_set_aside_and_discarded_ones_stay(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        await hub.Inbox.AppendToInboxAsync([Notification("old-applied"), Notification("old-failed"), Notification("old-pending")], Token);
        var inbox = await hub.Inbox.ClaimInboxAsync(3, TimeSpan.FromMinutes(1), 5, Token);
        await hub.Inbox.MarkInboxAppliedAsync(inbox[0].Id, "applied", Token);
        await hub.Inbox.MarkInboxFailedAsync(inbox[1].Id, "the database refused it", TimeSpan.FromMinutes(1), Token);
        await hub.Segment.AppendSegmentMessagesAsync([Call("old-applied"), Call("old-set-aside"), Call("old-discarded"), Call("old-pending")], Token);
        var calls = await hub.Segment.ReadPendingSegmentMessagesAsync(10, Token);
        await hub.Segment.MarkSegmentMessagesAppliedAsync([(calls[0].Id, "applied")], Token);
        await hub.Segment.MarkSegmentMessageFailedAsync(calls[1].Id, "refused", retryAt: null, Token);
        await hub.Segment.MarkSegmentMessageFailedAsync(calls[2].Id, "refused", retryAt: null, Token);
        await hub.Segment.DiscardSetAsideSegmentMessageAsync(calls[2].Id, Token);
        _time.Advance(TimeSpan.FromDays(8));
        await hub.Inbox.AppendToInboxAsync(Notification("new-applied"), Token);
        await hub.Inbox.MarkInboxAppliedAsync((await hub.Inbox.ClaimInboxAsync(10, TimeSpan.FromMinutes(1), 5, Token)).Single(i => i.Notification.NotificationId == "new-applied").Id, "applied", Token);
        var countsBefore = (await hub.Inbox.CountInboxAsync(Token), await hub.Segment.CountSegmentInboxAsync(Token));

        var pass = await hub.Retention.PruneInboxesAsync(_time.GetUtcNow() - Week, Token);

        pass.ShouldBe(new InboxPruning(1, 1, _time.GetUtcNow()));
        (await hub.QueryAsync<string>("SELECT notification_id FROM webhook_inbox ORDER BY notification_id"))
            .ShouldBe(["new-applied", "old-failed", "old-pending"]);
        (await hub.QueryAsync<string>("SELECT message_id FROM segment_inbox ORDER BY message_id"))
            .ShouldBe(["old-discarded", "old-pending", "old-set-aside"]);
        (await hub.Inbox.CountInboxAsync(Token), await hub.Segment.CountSegmentInboxAsync(Token)).ShouldBe(countsBefore, "received and applied count what was deleted too");
        (await hub.Retention.CountPrunedAsync(Token)).ShouldBe(pass);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_pass_deletes_in_batches_until_none_is_left_and_the_tallies_add_up_over_passes(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        await hub.Segment.AppendSegmentMessagesAsync([.. Enumerable.Range(0, 5_200).Select(i => Call($"call-{i}"))], Token);
        var ids = await hub.QueryAsync<long>("SELECT id FROM segment_inbox ORDER BY id");
        await hub.Segment.MarkSegmentMessagesAppliedAsync([.. ids.Select(id => (id, "applied"))], Token);
        _time.Advance(TimeSpan.FromDays(8));

        var first = await hub.Retention.PruneInboxesAsync(_time.GetUtcNow() - Week, Token);
        var second = await hub.Retention.PruneInboxesAsync(_time.GetUtcNow() - Week, Token);

        first.SegmentCalls.ShouldBe(5_200);
        second.SegmentCalls.ShouldBe(0);
        (await hub.Retention.CountPrunedAsync(Token)).SegmentCalls.ShouldBe(5_200);
        // The time of the last call goes with the rows: no call is left to tell it.
        (await hub.Segment.CountSegmentInboxAsync(Token)).ShouldBe(new SegmentInboxCounts(5_200, 5_200, 0, 0, null));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_store_measures_its_database_and_SQLite_connections_cap_the_write_ahead_log_at_64_MB(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);

        var size = await hub.Retention.MeasureAsync(Token);

        size.Bytes.ShouldBeGreaterThan(0);
        if (provider == Providers.Sqlite)
        {
            size.Name.ShouldBe(hub.Database);
            size.Bytes.ShouldBe(new FileInfo(hub.Database).Length);
            size.WalLimitBytes.ShouldBe(64L * 1024 * 1024, "PRAGMA journal_size_limit as the store's connections read it back");
            size.DatabaseBytes.ShouldBeNull();
        }
        else
        {
            size.Name.ShouldBe((await hub.QueryAsync<string>("SELECT current_schema()")).Single());
            size.DatabaseBytes!.Value.ShouldBeGreaterThanOrEqualTo(size.Bytes);
            size.WalBytes.ShouldBeNull();
        }
    }

    private static InboxNotification Notification(string id) => new(
        id, "company.updated", "app1", "company", "c-" + id, Start.AddMinutes(-1), Start.AddMinutes(-2), $$"""{"id":"{{id}}"}""");

    private static SegmentInboxMessage Call(string messageId) => new(messageId, "track", $$"""{"type":"track","messageId":"{{messageId}}"}""");
}
