using Rapport.Hub.Segment;

namespace Rapport.Storage.Tests.Segment;

/// <summary>Segment calls that fail when applied, on SQLite and PostgreSQL: attempts, setting aside, retry and discard.</summary>
public sealed class SegmentSetAsideStoreSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static SegmentInboxMessage Call(string messageId) => new(messageId, "track", $$"""{"type":"track","userId":"u1","event":"e","messageId":"{{messageId}}"}""");

    /// <summary>Three calls a, b, c; a and c applied, b pending.</summary>
    private async Task<(TestStore Hub, long B)> WithOnePendingAsync(string provider)
    {
        var hub = await fixture.OpenAsync(provider, _time);
        await hub.Segment.AppendSegmentMessagesAsync([Call("a"), Call("b"), Call("c")], Token);
        var all = await hub.Segment.ReadPendingSegmentMessagesAsync(10, Token);
        await hub.Segment.MarkSegmentMessagesAppliedAsync([(all[0].Id, "event stored"), (all[2].Id, "event stored")], Token);
        return (hub, all[1].Id);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_failed_attempt_keeps_the_call_pending_with_its_count_and_next_try(string provider)
    {
        var (hub, b) = await WithOnePendingAsync(provider);
        await using var _ = hub;

        await hub.Segment.MarkSegmentMessageFailedAsync(b, "boom", Start.AddSeconds(2), Token);

        var pending = (await hub.Segment.ReadPendingSegmentMessagesAsync(10, Token)).ShouldHaveSingleItem();
        (pending.MessageId, pending.Attempts, pending.RetryAt).ShouldBe(("b", 1, Start.AddSeconds(2)));
        (await hub.Segment.ListSetAsideSegmentMessagesAsync(10, Token)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_call_set_aside_leaves_the_inbox_is_listed_with_its_error_and_a_retry_puts_it_back_before_later_calls(string provider)
    {
        var (hub, b) = await WithOnePendingAsync(provider);
        await using var _ = hub;
        await hub.Segment.MarkSegmentMessageFailedAsync(b, "first", Start.AddSeconds(1), Token);
        _time.Advance(TimeSpan.FromMinutes(1));

        await hub.Segment.MarkSegmentMessageFailedAsync(b, "SqliteException: plan refused", null, Token);
        await hub.Segment.AppendSegmentMessagesAsync([Call("d")], Token);

        (await hub.Segment.ReadPendingSegmentMessagesAsync(10, Token)).Select(m => m.MessageId).ShouldBe(["d"]);
        var aside = (await hub.Segment.ListSetAsideSegmentMessagesAsync(10, Token)).ShouldHaveSingleItem();
        (aside.Id, aside.MessageId, aside.Attempts, aside.Error, aside.SetAsideAt).ShouldBe((b, "b", 2, "SqliteException: plan refused", Start.AddMinutes(1)));
        var counts = await hub.Segment.CountSegmentInboxAsync(Token);
        (counts.Received, counts.Applied, counts.Pending, counts.SetAside).ShouldBe((4L, 2L, 1L, 1L));

        (await hub.Segment.RetrySetAsideSegmentMessagesAsync(b, Token)).ShouldBe(1);

        var back = await hub.Segment.ReadPendingSegmentMessagesAsync(10, Token);
        back.Select(m => (m.MessageId, m.Attempts, m.RetryAt)).ShouldBe([("b", 0, (DateTimeOffset?)null), ("d", 0, null)], "in order of arrival, attempts afresh");
        (await hub.Segment.ListSetAsideSegmentMessagesAsync(10, Token)).ShouldBeEmpty();
        (await hub.Segment.RetrySetAsideSegmentMessagesAsync(b, Token)).ShouldBe(0, "it is no longer set aside");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_discarded_call_is_neither_pending_nor_listed_nor_retried_and_is_counted(string provider)
    {
        var (hub, b) = await WithOnePendingAsync(provider);
        await using var _ = hub;
        await hub.Segment.MarkSegmentMessageFailedAsync(b, "boom", null, Token);

        (await hub.Segment.DiscardSetAsideSegmentMessageAsync(b, Token)).ShouldBeTrue();

        (await hub.Segment.RetrySetAsideSegmentMessagesAsync(null, Token)).ShouldBe(0);
        (await hub.Segment.ReadPendingSegmentMessagesAsync(10, Token)).ShouldBeEmpty();
        (await hub.Segment.ListSetAsideSegmentMessagesAsync(10, Token)).ShouldBeEmpty();
        var counts = await hub.Segment.CountSegmentInboxAsync(Token);
        (counts.Pending, counts.SetAside, counts.Discarded).ShouldBe((0L, 0L, 1L));
        (await hub.Segment.DiscardSetAsideSegmentMessageAsync(b, Token)).ShouldBeFalse();
    }
}
