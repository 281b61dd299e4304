using Rapport.Hub.Conversations;

namespace Rapport.Storage.Tests.Conversations;

public sealed class ConversationStoreSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Account acme with users ada and bob (mirrored contacts u1, u2).</summary>
    private async Task<TestStore> WithUsersAsync(string provider)
    {
        var hub = await fixture.OpenAsync(provider, _time);
        await hub.Sources.ApplyCompaniesAsync([Qualified(Company("c1", "acme"))], "run-1", cancellationToken: Token);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1"), Contact("u2", "bob", "c1")], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync(Intercom, Token);
        return hub;
    }

    private static ConversationPart Part(string id, string authorKind = "user", int minute = 0, string? body = null) => new(
        id, "comment", body ?? $"body {id}", authorKind, authorKind + "-1", "Someone", null,
        Start.AddMinutes(minute), Start.AddMinutes(minute), """[{"type":"upload","name":"a.png"}]""");

    private static SourceConversation Conversation(
        string id, DateTimeOffset updatedAt, IReadOnlyList<ConversationPart> parts, string state = "open", params string[] users) => new(
        Intercom, id, state, state != "closed", "conversation", "customer_initiated", false, $"Title {id}", null, parts.Count, false,
        Start, updatedAt, $$"""{"type":"conversation","id":"{{id}}"}""", users, parts);

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_conversation_is_read_back_with_its_parts_in_order_and_its_users(string provider)
    {
        await using var hub = await WithUsersAsync(provider);

        var result = await hub.Conversations.ApplyConversationsAsync(
            [Conversation("9", Start, [Part("p2", "bot", 2), Part("p1", "user", 1)], users: ["ada"])], [], cancellationToken: Token);

        result.ShouldBe(new ConversationBatchResult(1, 0, 2, 0));
        var view = (await hub.Conversations.GetConversationAsync(Intercom, "9", Token)).ShouldNotBeNull();
        view.Conversation.Title.ShouldBe("Title 9");
        view.Conversation.Open.ShouldBe(true);
        view.Conversation.UserExternalIds.ShouldBe(["ada"]);
        view.Conversation.StoredParts.ShouldBe(2);
        view.Parts.Select(p => (p.PartId, p.AuthorKind)).ShouldBe([("p1", "user"), ("p2", "bot")]);
        view.Parts[0].AttachmentsJson.ShouldContain("a.png");
        view.Parts[0].CreatedAt.ShouldBe(Start.AddMinutes(1));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Parts_are_added_and_never_removed_when_a_later_read_returns_fewer(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Conversations.ApplyConversationsAsync([Conversation("9", Start, [Part("p1"), Part("p2", minute: 1)])], [], cancellationToken: Token);

        var again = await hub.Conversations.ApplyConversationsAsync(
            [Conversation("9", Start.AddHours(1), [Part("p2", minute: 1), Part("p3", minute: 2)])], [], cancellationToken: Token);

        again.PartsAdded.ShouldBe(1);
        var view = (await hub.Conversations.GetConversationAsync(Intercom, "9", Token)).ShouldNotBeNull();
        view.Parts.Select(p => p.PartId).ShouldBe(["p1", "p2", "p3"]);
        (await hub.Conversations.CountConversationsAsync(Token)).Parts.ShouldBe(3);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_older_copy_does_not_overwrite_a_newer_one_but_its_unknown_parts_are_kept(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Conversations.ApplyConversationsAsync(
            [Conversation("9", Start.AddHours(2), [Part("p1")], state: "closed", users: ["ada"])], [], cancellationToken: Token);

        var stale = await hub.Conversations.ApplyConversationsAsync(
            [Conversation("9", Start.AddHours(1), [Part("p0", minute: -1)], state: "open", users: ["bob"])], [], cancellationToken: Token);

        stale.ShouldBe(new ConversationBatchResult(0, 1, 1, 0));
        var view = (await hub.Conversations.GetConversationAsync(Intercom, "9", Token)).ShouldNotBeNull();
        view.Conversation.State.ShouldBe("closed");
        view.Conversation.UpdatedAt.ShouldBe(Start.AddHours(2));
        view.Conversation.UserExternalIds.ShouldBe(["ada"]);
        view.Parts.Select(p => p.PartId).ShouldBe(["p0", "p1"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_user_and_their_account_list_their_conversations_newest_first(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Conversations.ApplyConversationsAsync(
            [
                Conversation("1", Start, [Part("a")], users: ["ada"]),
                Conversation("2", Start.AddHours(1), [Part("b")], users: ["ada", "bob"]),
                Conversation("3", Start.AddHours(2), [Part("c")], users: ["bob"]),
                Conversation("4", Start.AddHours(3), [Part("d")]),
            ],
            [], cancellationToken: Token);

        (await hub.Conversations.ListUserConversationsAsync("ada", 10, Token)).Select(c => c.SourceId).ShouldBe(["2", "1"]);
        (await hub.Conversations.ListAccountConversationsAsync("acme", 10, Token)).Select(c => c.SourceId).ShouldBe(["3", "2", "1"]);
        (await hub.Conversations.ListAccountConversationsAsync("acme", 1, Token)).Single().UserExternalIds.ShouldBe(["bob"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Counts_tell_parts_bot_parts_truncated_unattached_and_excluded_by_kind(string provider)
    {
        await using var hub = await WithUsersAsync(provider);
        await hub.Conversations.ApplyConversationsAsync(
            [
                Conversation("1", Start, [Part("a"), Part("b", "bot")], users: ["ada"]) with { PartsTruncated = true, PartCount = 700 },
                Conversation("2", Start, [Part("c", "admin")]),
            ],
            [
                new ExcludedConversation(Intercom, "3", "ticket", Start),
                new ExcludedConversation(Intercom, "4", "email", Start),
                new ExcludedConversation(Intercom, "5", "email", Start),
            ],
            cancellationToken: Token);

        var counts = await hub.Conversations.CountConversationsAsync(Token);

        counts.Conversations.ShouldBe(2);
        counts.Parts.ShouldBe(3);
        counts.BotParts.ShouldBe(1);
        counts.Truncated.ShouldBe(1);
        counts.Unattached.ShouldBe(1);
        counts.Excluded.ShouldBe(new Dictionary<string, int>(StringComparer.Ordinal) { ["email"] = 2, ["ticket"] = 1 });
        (await hub.Conversations.GetConversationAsync(Intercom, "3", Token)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Users_are_found_by_mirrored_contact_and_by_email_whatever_its_case(string provider)
    {
        await using var hub = await WithUsersAsync(provider);

        var byContact = await hub.Conversations.FindUsersByContactAsync(Intercom, ["u1", "u2", "nobody"], Token);
        var byEmail = await hub.Conversations.FindUsersByEmailAsync(["U1@Example.com", "none@example.com"], Token);

        byContact.ShouldBe(new Dictionary<string, string>(StringComparer.Ordinal) { ["u1"] = "ada", ["u2"] = "bob" });
        byEmail.Keys.ShouldBe(["u1@example.com"]);
        byEmail["u1@example.com"].ShouldBe(["ada"]);
    }
}
