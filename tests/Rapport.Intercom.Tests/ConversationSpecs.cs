using Rapport.IntercomSimulator;
using Rapport.IntercomSimulator.Conversations;

namespace Rapport.Intercom.Tests;

public sealed class ConversationSpecs
{
    [Fact]
    public async Task Listing_conversations_follows_the_cursor_and_returns_each_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);

        var pages = await intercom.Client.ListConversationsAsync(perPage: 30, cancellationToken: ct).ToListAsync(ct);

        var ids = pages.SelectMany(page => page.Items).Select(conversation => conversation.Id).ToList();
        ids.ShouldBe(intercom.Workspace.Conversations.Select(conversation => conversation.Id), ignoreOrder: true);
        ids.ShouldBeUnique();
        pages.Count.ShouldBeGreaterThan(1);
        pages.SelectMany(page => page.Items).ShouldAllBe(conversation => conversation.Parts.Count == 0 && !conversation.PartsTruncated);
    }

    [Fact]
    public async Task Searching_since_a_moment_finds_the_conversation_a_user_just_replied_to()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        var workspace = intercom.Workspace;
        var since = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        var old = workspace.Conversations.OrderBy(c => c.UpdatedAt).First();
        var contact = workspace.FindContact(old.ContactIds[0])!;

        workspace.Reply(old.Id, SimulatedAuthor.For(contact), "<p>Is anyone there?</p>");
        var found = await intercom.Client.SearchConversationsAsync(since, perPage: 5, cancellationToken: ct).SelectMany(page => page.Items.ToAsyncEnumerable()).ToListAsync(ct);

        found.Select(conversation => conversation.Id).ShouldContain(old.Id);
        found.ShouldAllBe(conversation => conversation.UpdatedAt >= since.AddSeconds(-1));
    }

    [Fact]
    public async Task A_long_conversation_comes_with_its_500_most_recent_parts_and_says_older_ones_are_missing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        var longest = intercom.Workspace.Conversations.MaxBy(c => c.Parts.Count)!;
        var short_ = intercom.Workspace.Conversations.First(c => c.Parts.Count is > 2 and < 20);

        var conversation = await intercom.Client.GetConversationAsync(longest.Id, cancellationToken: ct);
        var complete = await intercom.Client.GetConversationAsync(short_.Id, cancellationToken: ct);

        conversation.Parts.Count.ShouldBe(500);
        conversation.Statistics!.CountConversationParts.ShouldBe(longest.Parts.Count);
        conversation.PartsTruncated.ShouldBeTrue();
        conversation.Parts[^1].Id.ShouldBe(longest.Parts[^1].Id);
        complete.PartsTruncated.ShouldBeFalse();
        complete.Parts.Select(part => part.Id).ShouldBe(short_.Parts.Select(part => part.Id));
    }

    [Fact]
    public async Task Parts_carry_their_author_kind_state_and_attachment_metadata()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        var workspace = intercom.Workspace;
        var seeded = workspace.Conversations.First(c => c.Open && c.Source.DeliveredAs == "customer_initiated");
        var contact = workspace.FindContact(seeded.ContactIds[0])!;
        workspace.Reply(seeded.Id, workspace.Bot, "<p>I'm Fin</p>");
        workspace.Reply(seeded.Id, SimulatedAuthor.For(contact), "<p>See attached</p>", [new SimulatedAttachment("log.txt", "https://files.example/log.txt", "text/plain", 2048)]);
        workspace.Close(seeded.Id, workspace.Admins[0].Id);

        var conversation = await intercom.Client.GetConversationAsync(seeded.Id, cancellationToken: ct);

        var (bot, reply, close) = (conversation.Parts[^3], conversation.Parts[^2], conversation.Parts[^1]);
        bot.Author!.IsBot.ShouldBeTrue();
        bot.Author.Name.ShouldBe("Fin");
        reply.Author!.IsContact.ShouldBeTrue();
        reply.Author.Id.ShouldBe(contact.Id);
        reply.Attachments.Single().ShouldBe(new IntercomAttachment { Type = "upload", Name = "log.txt", Url = "https://files.example/log.txt", ContentType = "text/plain", Filesize = 2048 });
        close.PartType.ShouldBe("close");
        close.Body.ShouldBeNull();
        conversation.State.ShouldBe("closed");
        conversation.Open.ShouldBe(false);
        conversation.ContactIds.ShouldBe([contact.Id]);
        conversation.AiAgentParticipated.ShouldBe(true);
    }

    [Fact]
    public async Task Tickets_outbound_messages_and_inbound_conversations_are_told_apart_by_typed_fields()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);

        var all = await intercom.Client.ListConversationsAsync(cancellationToken: ct).SelectMany(page => page.Items.ToAsyncEnumerable()).ToListAsync(ct);
        var ticket = await intercom.Client.GetConversationAsync(all.First(c => c.IsTicket).Id, plainText: true, cancellationToken: ct);

        all.Count(c => c.IsTicket).ShouldBe(intercom.Workspace.Conversations.Count(c => c.Ticket is not null));
        all.ShouldContain(c => c.Source!.DeliveredAs == "automated" && c.Source.Type == "email");
        all.ShouldContain(c => c.Source!.DeliveredAs == "customer_initiated" && c.Source.Author!.IsContact);
        all.ShouldContain(c => c.Source!.DeliveredAs == "operator_initiated" && c.Source.Author!.IsBot);
        ticket.Ticket!.Category.ShouldBeOneOf("Customer", "Back-office");
        ticket.Source!.Body!.ShouldNotContain("<p>");
    }

    [Fact]
    public async Task A_webhook_conversation_item_parses_into_the_same_model()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        var id = intercom.Workspace.Conversations[0].Id;

        var raw = await intercom.GetRawAsync($"conversations/{id}", ct);
        var parsed = IntercomConversation.Parse(System.Text.Json.JsonDocument.Parse(raw.ToJsonString()).RootElement);

        parsed.Id.ShouldBe(id);
        parsed.Raw.GetProperty("type").GetString().ShouldBe("conversation");
        parsed.Parts.Count.ShouldBe(intercom.Workspace.Conversations[0].Parts.Count);
    }
}
