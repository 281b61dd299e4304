using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Rapport.IntercomSimulator.Tests;

public sealed class ConversationSpecs
{
    [Fact]
    public async Task Listing_pages_by_cursor_newest_update_first_and_returns_every_conversation_once_without_parts()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);

        var pages = await AllPagesAsync(api, cursor => api.GetAsync($"/conversations?per_page=20{(cursor is null ? "" : $"&starting_after={Uri.EscapeDataString(cursor)}")}"));
        var items = pages.SelectMany(Conversations).ToList();

        items.Select(Id).ShouldBe(server.Workspace.Conversations.Select(c => c.Id), ignoreOrder: true);
        items.Select(Id).ShouldBeUnique();
        items.Select(c => c.GetProperty("updated_at").GetInt64()).ShouldBeInOrder(SortDirection.Descending);
        items.Count(c => c.TryGetProperty("conversation_parts", out _)).ShouldBe(0);
        pages[0].GetProperty("total_count").GetInt32().ShouldBe(items.Count);
        (await api.GetAsync("/conversations?per_page=151")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Searching_by_updated_at_returns_exactly_the_conversations_updated_at_or_after_that_second()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var times = server.Workspace.Conversations.Select(c => c.UpdatedAt.ToUnixTimeSeconds()).Order().ToList();
        var since = times[times.Count / 2];

        var pages = await AllPagesAsync(api, cursor => api.PostAsync("/conversations/search", Search($$"""{"field":"updated_at","operator":">","value":{{since}}}""", 7, cursor)));
        var found = pages.SelectMany(Conversations).ToList();

        found.Count.ShouldBe(times.Count(t => t >= since));
        found.ShouldAllBe(c => c.GetProperty("updated_at").GetInt64() >= since);
        found.Select(Id).ShouldBeUnique();
        pages.Count.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Searching_combines_contact_origin_and_state_filters()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var conversation = server.Workspace.Conversations.First(c => c.Source.DeliveredAs == "customer_initiated" && !c.Open);
        var query = $$"""{"operator":"AND","value":[{"field":"contact_ids","operator":"=","value":"{{conversation.ContactIds[0]}}"},{"field":"source.delivered_as","operator":"IN","value":["customer_initiated"]},{"field":"open","operator":"=","value":false}]}""";

        var reply = await api.PostAsync("/conversations/search", Search(query, 150, null));

        var ids = Conversations(reply.Body).Select(Id).ToList();
        ids.ShouldContain(conversation.Id);
        ids.ShouldBe(server.Workspace.Conversations
            .Where(c => c.ContactIds.Contains(conversation.ContactIds[0]) && c.Source.DeliveredAs == "customer_initiated" && !c.Open)
            .Select(c => c.Id), ignoreOrder: true);
        (await api.PostAsync("/conversations/search", Search("""{"field":"no_such_field","operator":"=","value":"x"}""", 5, null))).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_conversation_with_more_than_500_parts_returns_its_500_most_recent_and_counts_them_all()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var longest = server.Workspace.Conversations.MaxBy(c => c.Parts.Count)!;

        var reply = await api.GetAsync($"/conversations/{longest.Id}");

        longest.Parts.Count.ShouldBeGreaterThan(500);
        var parts = reply.Body.GetProperty("conversation_parts");
        var ids = parts.GetProperty("conversation_parts").EnumerateArray().Select(Id).ToList();
        ids.ShouldBe(longest.Parts.Skip(longest.Parts.Count - 500).Select(p => p.Id));
        parts.GetProperty("total_count").GetInt32().ShouldBe(longest.Parts.Count);
        reply.Body.GetProperty("statistics").GetProperty("count_conversation_parts").GetInt32().ShouldBe(longest.Parts.Count);
    }

    [Fact]
    public async Task Bot_parts_outbound_messages_and_tickets_are_visible_in_their_fields()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var conversations = server.Workspace.Conversations;
        var withBot = conversations.First(c => c.Parts.Exists(p => p.Author.Type == "bot" && p.PartType == "comment"));
        var ticket = conversations.First(c => c.Ticket is not null);

        var botReply = await api.GetAsync($"/conversations/{withBot.Id}");
        var ticketReply = await api.GetAsync($"/conversations/{ticket.Id}");
        var all = (await AllPagesAsync(api, cursor => api.GetAsync($"/conversations?per_page=150{(cursor is null ? "" : $"&starting_after={Uri.EscapeDataString(cursor)}")}"))).SelectMany(Conversations).ToList();

        var bot = botReply.Body.GetProperty("conversation_parts").GetProperty("conversation_parts").EnumerateArray().First(p => p.GetProperty("author").GetProperty("type").GetString() == "bot");
        bot.GetProperty("author").GetProperty("name").GetString().ShouldBe("Fin");
        bot.GetProperty("author").GetProperty("from_ai_agent").GetBoolean().ShouldBeTrue();
        botReply.Body.GetProperty("ai_agent_participated").GetBoolean().ShouldBeTrue();
        ticketReply.Body.GetProperty("ticket").GetProperty("type").GetString().ShouldBe("ticket");
        ticketReply.Body.GetProperty("ticket").GetProperty("category").GetString().ShouldBeOneOf("Customer", "Back-office");
        all.Where(c => c.GetProperty("ticket").ValueKind == JsonValueKind.Null).Count().ShouldBe(all.Count - conversations.Count(c => c.Ticket is not null));
        var origins = all.Select(c => c.GetProperty("source")).Select(s => $"{s.GetProperty("delivered_as").GetString()}/{s.GetProperty("type").GetString()}").ToHashSet();
        origins.ShouldContain("customer_initiated/conversation");
        origins.ShouldContain("automated/email");
        origins.ShouldContain("campaigns_initiated/push");
        origins.ShouldContain("admin_initiated/conversation");
        origins.ShouldContain("operator_initiated/conversation");
    }

    [Fact]
    public async Task Plain_text_display_strips_the_html_and_an_unknown_id_is_a_404()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var conversation = server.Workspace.Conversations.First(c => c.Parts.Exists(p => p.PartType == "comment"));

        var html = await api.GetAsync($"/conversations/{conversation.Id}");
        var plain = await api.GetAsync($"/conversations/{conversation.Id}?display_as=plaintext");

        html.Body.GetProperty("source").GetProperty("body").GetString()!.ShouldStartWith("<p>");
        plain.Body.GetProperty("source").GetProperty("body").GetString()!.ShouldNotContain("<p>");
        (await api.GetAsync("/conversations/999999999")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_same_seed_generates_the_same_conversations()
    {
        await using var first = await SimulatorServers.StartAsync(seed: 3);
        await using var again = await SimulatorServers.StartAsync(seed: 3);

        static string Fingerprint(SimulatorWorkspace w) => string.Join("|", w.Conversations.Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"{c.Id}:{c.ContactIds[0]}:{c.Source.DeliveredAs}:{c.State}:{c.Parts.Count}:{c.UpdatedAt.ToUnixTimeSeconds()}")));

        Fingerprint(again.Workspace).ShouldBe(Fingerprint(first.Workspace));
        first.Workspace.Conversations.Count.ShouldBeGreaterThan(50);
    }

    internal static string Search(string query, int perPage, string? cursor) => cursor is null
        ? $$$"""{"query":{{{query}}},"pagination":{"per_page":{{{perPage}}}}}"""
        : $$$"""{"query":{{{query}}},"pagination":{"per_page":{{{perPage}}},"starting_after":"{{{cursor}}}"}}""";

    internal static IEnumerable<JsonElement> Conversations(JsonElement list) => list.GetProperty("conversations").EnumerateArray();

    internal static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private static async Task<List<JsonElement>> AllPagesAsync(Api api, Func<string?, Task<Reply>> fetch)
    {
        var pages = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var reply = await fetch(cursor);
            reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
            pages.Add(reply.Body);
            cursor = reply.Body.GetProperty("pages").TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.Object
                ? next.GetProperty("starting_after").GetString()
                : null;
        }
        while (cursor is not null && pages.Count < 200);

        return pages;
    }
}
