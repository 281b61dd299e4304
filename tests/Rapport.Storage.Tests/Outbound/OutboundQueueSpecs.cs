using Rapport.Hub.Messaging;

namespace Rapport.Storage.Tests.Outbound;

/// <summary>The outbound queue: a send is kept before it is sent, once per idempotency key, held by one worker at a time.</summary>
public sealed class OutboundQueueSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_same_idempotency_key_queues_one_send(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);

        var (first, firstAdded) = await hub.Outbound.QueueOutboundAsync(Reply("key-1", "Hello"), Token);
        var (second, secondAdded) = await hub.Outbound.QueueOutboundAsync(Reply("key-1", "Hello again"), Token);

        firstAdded.ShouldBeTrue();
        secondAdded.ShouldBeFalse();
        second.Id.ShouldBe(first.Id);
        second.Body.ShouldBe("Hello", "the first request stands");
        first.Status.ShouldBe(OutboundStatuses.Queued);
        first.Body.ShouldBe("Hello");
        first.AttachmentUrls.ShouldBe(["https://files.example.test/a.png"]);
        first.QueuedAt.ShouldBe(Start);
        (await hub.Outbound.ListOutboundAsync(10, Token)).Count.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_claimed_send_is_nobody_elses_until_its_lease_runs_out_unless_renewed(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var (send, _) = await hub.Outbound.QueueOutboundAsync(Reply("key-2", "Hello"), Token);

        var claimed = await hub.Outbound.ClaimOutboundAsync(10, Lease, Token);
        var again = await hub.Outbound.ClaimOutboundAsync(10, Lease, Token);
        _time.Advance(TimeSpan.FromSeconds(10));
        await hub.Outbound.RenewOutboundAsync(send.Id, Lease, Token);
        _time.Advance(TimeSpan.FromSeconds(10));
        var whileRenewed = await hub.Outbound.ClaimOutboundAsync(10, Lease, Token);
        _time.Advance(TimeSpan.FromSeconds(6));
        var afterDeath = await hub.Outbound.ClaimOutboundAsync(10, Lease, Token);

        claimed.ShouldHaveSingleItem().Status.ShouldBe(OutboundStatuses.Sending);
        claimed[0].Attempts.ShouldBe(1);
        again.ShouldBeEmpty();
        whileRenewed.ShouldBeEmpty();
        afterDeath.ShouldHaveSingleItem().Attempts.ShouldBe(2, "a second claim tells the sender to look in Intercom first");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_sent_send_keeps_its_Intercom_id_and_stays_sent_a_failed_one_its_reason_and_neither_is_claimed_again(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var (reply, _) = await hub.Outbound.QueueOutboundAsync(Reply("key-3", "Hello"), Token);
        var (message, _) = await hub.Outbound.QueueOutboundAsync(Message("key-4"), Token);
        await hub.Outbound.ClaimOutboundAsync(10, Lease, Token);

        await hub.Outbound.MarkOutboundSentAsync(reply.Id, "part_77", null, Token);
        await hub.Outbound.MarkOutboundSentAsync(message.Id, "msg_9", "conv_42", Token);
        var (failing, _) = await hub.Outbound.QueueOutboundAsync(Reply("key-5", "Hi"), Token);
        await hub.Outbound.ClaimOutboundAsync(10, Lease, Token);
        await hub.Outbound.MarkOutboundFailedAsync(failing.Id, "Intercom refused it: Conversation is closed.", Token);
        await hub.Outbound.MarkOutboundFailedAsync(reply.Id, "Storing Intercom's answer failed", Token);
        _time.Advance(TimeSpan.FromMinutes(5));

        (await hub.Outbound.ClaimOutboundAsync(10, Lease, Token)).ShouldBeEmpty();
        var sent = (await hub.Outbound.GetOutboundAsync(reply.Id, Token))!;
        sent.Status.ShouldBe(OutboundStatuses.Sent);
        sent.IntercomId.ShouldBe("part_77");
        sent.ConversationId.ShouldBe("conv_1", "a reply keeps its conversation");
        sent.SentAt.ShouldBe(Start);
        (await hub.Outbound.GetOutboundAsync(failing.Id, Token))!.Error.ShouldBe("Intercom refused it: Conversation is closed.");
        (await hub.Outbound.ListConversationsStartedByRapportAsync(Token)).ShouldBe(new HashSet<string> { "conv_42" });
        (await hub.Outbound.ListConversationOutboundAsync("conv_1", Token)).Select(s => s.Id).ShouldBe([reply.Id, failing.Id]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_deferred_send_waits_before_it_is_claimed_again(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var (send, _) = await hub.Outbound.QueueOutboundAsync(Reply("key-6", "Hello"), Token);
        await hub.Outbound.ClaimOutboundAsync(10, Lease, Token);

        await hub.Outbound.DeferOutboundAsync(send.Id, "Intercom did not answer", TimeSpan.FromSeconds(30), Token);
        _time.Advance(TimeSpan.FromSeconds(20));
        var early = await hub.Outbound.ClaimOutboundAsync(10, Lease, Token);
        _time.Advance(TimeSpan.FromSeconds(11));
        var later = await hub.Outbound.ClaimOutboundAsync(10, Lease, Token);

        early.ShouldBeEmpty();
        later.ShouldHaveSingleItem().Error.ShouldBe("Intercom did not answer");
    }

    private static OutboundRequest Reply(string key, string body) =>
        new(key, OutboundKinds.Reply, 1, "991", "conv_1", null, null, null, null, body, ["https://files.example.test/a.png"]);

    private static OutboundRequest Message(string key) =>
        new(key, OutboundKinds.Message, 1, "991", null, "contact_1", "user-1", "email", "Renewal", "Shall we talk?", []);
}
