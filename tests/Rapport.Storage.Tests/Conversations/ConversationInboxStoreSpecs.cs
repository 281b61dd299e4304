using Rapport.Hub.Conversations;

namespace Rapport.Storage.Tests.Conversations;

/// <summary>What live conversations need of the store: redeliveries told apart, deletions kept, the inbox, part tallies.</summary>
public sealed class ConversationInboxStoreSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Account acme (users ada and bob) and account zeta (user zoe).</summary>
    private async Task<TestStore> WithUsersAsync(string provider)
    {
        var hub = await fixture.OpenAsync(provider, _time);
        await hub.Sources.ApplyCompaniesAsync([Qualified(Company("c1", "acme", "Acme")), Qualified(Company("c2", "zeta", "Zeta"))], "run-1", cancellationToken: Token);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1"), Contact("u2", "bob", "c1"), Contact("u3", "zoe", "c2")], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync(Intercom, Token);
        return hub;
    }

    private static ConversationPart Part(string id, int minute = 0, string type = "comment", string? body = null) => new(
        id, type, body ?? $"body {id}", "user", "u1", "Ada", null, Start.AddMinutes(minute), Start.AddMinutes(minute), "[]");

    private static SourceConversation Conversation(
        string id, DateTimeOffset updatedAt, IReadOnlyList<ConversationPart> parts, bool open = true, bool bot = false, int? partCount = null,
        params string[] users) => new(
        Intercom, id, open ? "open" : "closed", open, "conversation", bot ? "operator_initiated" : "customer_initiated", bot, null, null,
        partCount ?? parts.Count(p => p.PartType != "source"), false, Start, updatedAt, $$"""{"type":"conversation","id":"{{id}}"}""", users, parts);

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_copy_with_the_stored_time_and_no_new_part_is_unchanged_and_one_with_a_new_part_is_written(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Conversations.ApplyConversationsAsync([Conversation("9", Start, [Part("p1")])], [], cancellationToken: Token);

        var redelivered = await hub.Conversations.ApplyConversationsAsync([Conversation("9", Start, [Part("p1")])], [], cancellationToken: Token);
        var sameSecond = await hub.Conversations.ApplyConversationsAsync([Conversation("9", Start, [Part("p2", 1)])], [], cancellationToken: Token);
        var newer = await hub.Conversations.ApplyConversationsAsync([Conversation("9", Start.AddMinutes(5), [])], [], cancellationToken: Token);

        redelivered.ShouldBe(new ConversationBatchResult(0, 0, 0, 0, Unchanged: 1));
        sameSecond.ShouldBe(new ConversationBatchResult(1, 0, 1, 0));
        newer.ShouldBe(new ConversationBatchResult(1, 0, 0, 0));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Within_one_second_the_copy_that_counts_fewer_parts_does_not_overwrite_the_one_that_counts_more(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Conversations.ApplyConversationsAsync([Conversation("9", Start, [Part("p1"), Part("p2", 1)], open: false, partCount: 2)], [], cancellationToken: Token);

        await hub.Conversations.ApplyConversationsAsync([Conversation("9", Start, [Part("p1")], open: true, partCount: 1)], [], cancellationToken: Token);

        var view = (await hub.Conversations.GetConversationAsync(Intercom, "9", Token)).ShouldNotBeNull();
        view.Conversation.State.ShouldBe("closed");
        view.Conversation.PartCount.ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_truncated_conversation_stops_being_flagged_once_every_counted_part_is_kept(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        var opening = Part("s1", -1, "source");
        await hub.Conversations.ApplyConversationsAsync(
            [Conversation("9", Start, [opening, Part("p2", 2)], partCount: 2) with { PartsTruncated = true }], [], cancellationToken: Token);
        (await hub.Conversations.GetConversationAsync(Intercom, "9", Token)).ShouldNotBeNull().Conversation.PartsTruncated.ShouldBeTrue();

        await hub.Conversations.ApplyConversationsAsync(
            [Conversation("9", Start.AddMinutes(1), [Part("p1", 1)], partCount: 2) with { PartsTruncated = true }], [], cancellationToken: Token);

        (await hub.Conversations.GetConversationAsync(Intercom, "9", Token)).ShouldNotBeNull().Conversation.PartsTruncated.ShouldBeFalse();
        var tally = (await hub.Conversations.TallyConversationPartsAsync(Intercom, ["9", "unknown"], Token)).ShouldHaveSingleItem().Value;
        tally.ShouldBe(new ConversationPartTally("9", Start.AddMinutes(1), 2, 2, false, false));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_deleted_conversation_is_kept_with_its_parts_and_marked_once(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Conversations.ApplyConversationsAsync([Conversation("9", Start, [Part("p1")])], [], cancellationToken: Token);

        (await hub.Conversations.MarkConversationDeletedAsync(Intercom, "9", Start.AddHours(1), Token)).ShouldBeTrue();
        (await hub.Conversations.MarkConversationDeletedAsync(Intercom, "9", Start.AddHours(2), Token)).ShouldBeTrue();
        (await hub.Conversations.MarkConversationDeletedAsync(Intercom, "never", Start, Token)).ShouldBeFalse();

        var view = (await hub.Conversations.GetConversationAsync(Intercom, "9", Token)).ShouldNotBeNull();
        view.Conversation.DeletedAt.ShouldBe(Start.AddHours(1));
        view.Parts.ShouldHaveSingleItem();
        (await hub.Conversations.TallyConversationPartsAsync(Intercom, ["9"], Token))["9"].Deleted.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_inbox_lists_newest_first_in_keyset_pages_with_users_accounts_and_the_first_message(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Conversations.ApplyConversationsAsync(
            [.. Enumerable.Range(1, 5).Select(i => Conversation($"{i}", Start.AddHours(i), [Part($"p{i}", body: $"<p>Question {i}</p>")], users: i == 3 ? ["ada", "zoe"] : ["bob"]))],
            [], cancellationToken: Token);

        var first = await hub.Conversations.ListConversationsAsync(new ConversationQuery(PageSize: 2, IncludeTotal: true), Token);
        var second = await hub.Conversations.ListConversationsAsync(new ConversationQuery(PageSize: 2, Cursor: first.Next), Token);
        var third = await hub.Conversations.ListConversationsAsync(new ConversationQuery(PageSize: 2, Cursor: second.Next), Token);
        var back = await hub.Conversations.ListConversationsAsync(new ConversationQuery(PageSize: 2, Cursor: second.Previous), Token);

        first.Total.ShouldBe(5);
        first.Rows.Select(r => r.Conversation.SourceId).ShouldBe(["5", "4"]);
        second.Rows.Select(r => r.Conversation.SourceId).ShouldBe(["3", "2"]);
        third.Rows.Select(r => r.Conversation.SourceId).ShouldBe(["1"]);
        third.Next.ShouldBeNull();
        back.Rows.Select(r => r.Conversation.SourceId).ShouldBe(["5", "4"]);
        var three = second.Rows[0];
        three.Users.Select(u => u.ExternalId).ShouldBe(["ada", "zoe"]);
        three.Accounts.ShouldBe([("acme", "Acme"), ("zeta", "Zeta")]);
        three.Conversation.Opening.ShouldBe("<p>Question 3</p>");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_inbox_filters_by_state_bot_start_and_missing_users(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Conversations.ApplyConversationsAsync(
            [
                Conversation("open-attached", Start, [Part("a")], users: ["ada"]),
                Conversation("closed", Start.AddHours(1), [Part("b")], open: false, users: ["ada"]),
                Conversation("bot", Start.AddHours(2), [Part("c")], bot: true, users: ["bob"]),
                Conversation("nobody", Start.AddHours(3), [Part("d")]),
            ],
            [], cancellationToken: Token);

        async Task<string[]> Ids(ConversationQuery query) =>
            [.. (await hub.Conversations.ListConversationsAsync(query, Token)).Rows.Select(r => r.Conversation.SourceId)];

        (await Ids(new ConversationQuery(Open: true))).ShouldBe(["nobody", "bot", "open-attached"]);
        (await Ids(new ConversationQuery(Open: false))).ShouldBe(["closed"]);
        (await Ids(new ConversationQuery(BotStarted: true))).ShouldBe(["bot"]);
        (await Ids(new ConversationQuery(Unattached: true))).ShouldBe(["nobody"]);
        (await Ids(new ConversationQuery(Open: true, Unattached: true))).ShouldBe(["nobody"]);
    }
}
