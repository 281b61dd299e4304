using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rapport.Web.Tests.Conversations;

/// <summary>The Conversations inbox page and its API, over an imported workspace's conversations.</summary>
public sealed partial class ConversationInboxSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_inbox_lists_every_conversation_newest_first_named_by_its_first_message_in_pages()
    {
        var imported = await ConversationHub.StartAsync(Token);
        await using var hub = imported.Hub;
        var browser = await hub.SignedInAsync();
        var stored = (await hub.Store.Conversations.CountConversationsAsync(Token)).Conversations;

        var first = await browser.GetStringAsync("/conversations", Token);

        first.ShouldContain("href=\"/conversations\">Conversations</a>");
        first.ShouldContain($"{stored:N0} matching");
        var rows = Row().Matches(first).Select(m => (Id: m.Groups[1].Value, Name: WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        rows.Count.ShouldBe(Math.Min(stored, 50));
        rows[0].ShouldBe((imported.Conversation.Id, "Our export is broken"));
        rows.ShouldAllBe(r => !r.Name.StartsWith("Conversation ", StringComparison.Ordinal));
        var seen = rows.Select(r => r.Id).ToList();
        var next = NextLink().Match(first);
        while (next.Success)
        {
            var page = await browser.GetStringAsync(WebUtility.HtmlDecode(next.Groups[1].Value), Token);
            seen.AddRange(Row().Matches(page).Select(m => m.Groups[1].Value));
            next = NextLink().Match(page);
        }

        seen.Count.ShouldBe(stored);
        seen.Distinct().Count().ShouldBe(stored);
    }

    [Fact]
    public async Task Filters_narrow_the_inbox_to_closed_open_bot_started_or_unattached_conversations()
    {
        var imported = await ConversationHub.StartAsync(Token);
        await using var hub = imported.Hub;
        var browser = await hub.SignedInAsync();

        var closed = await browser.GetStringAsync("/conversations?state=closed", Token);
        var open = await browser.GetStringAsync("/conversations?state=open", Token);
        var bot = await browser.GetStringAsync("/conversations?bot=true", Token);
        var unattached = await browser.GetStringAsync("/conversations?unattached=true", Token);

        Ids(closed).ShouldContain(imported.Conversation.Id);
        Ids(open).ShouldNotContain(imported.Conversation.Id);
        Ids(bot).Count.ShouldBe(BotFlags().Matches(bot).Count);
        Ids(unattached).Count.ShouldBe(UnattachedFlags().Matches(unattached).Count);
        Ids(unattached).ShouldNotContain(imported.Conversation.Id);
    }

    [Fact]
    public async Task The_API_pages_the_inbox_with_links_and_refuses_a_bad_state()
    {
        var imported = await ConversationHub.StartAsync(Token);
        await using var hub = imported.Hub;
        var api = await hub.TokenClientAsync(TeamRole.TeamMember);

        var first = JsonNode.Parse(await api.GetStringAsync("/api/v1/conversations?limit=3&total=true", Token))!;
        var second = JsonNode.Parse(await api.GetStringAsync(first["next"]!.GetValue<string>(), Token))!;
        var bad = await api.GetAsync("/api/v1/conversations?state=maybe", Token);

        var items = first["items"]!.AsArray();
        items.Count.ShouldBe(3);
        items[0]!["conversation"]!["id"]!.GetValue<string>().ShouldBe(imported.Conversation.Id);
        items[0]!["conversation"]!["preview"]!.GetValue<string>().ShouldBe("Our export is broken");
        items[0]!["users"]![0]!["externalId"]!.GetValue<string>().ShouldBe(imported.Contact.ExternalId);
        items[0]!["accounts"]!.AsArray().Select(a => a!["externalId"]!.GetValue<string>()).ShouldContain(imported.Company.CompanyId);
        first["total"]!.GetValue<long>().ShouldBe((await hub.Store.Conversations.CountConversationsAsync(Token)).Conversations);
        second["items"]!.AsArray().Select(i => i!["conversation"]!["id"]!.GetValue<string>())
            .ShouldBeUnique();
        second["items"]!.AsArray().Select(i => i!["conversation"]!["id"]!.GetValue<string>())
            .Intersect(items.Select(i => i!["conversation"]!["id"]!.GetValue<string>())).ShouldBeEmpty();
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var openApi = await api.GetStringAsync("/openapi/v1.json", Token);
        openApi.ShouldContain("\"/api/v1/conversations/audit\"");
    }

    [Fact]
    public async Task The_completeness_check_on_the_page_reports_what_it_found()
    {
        var imported = await ConversationHub.StartAsync(Token);
        await using var hub = imported.Hub;
        await hub.ConnectWithTokenAsync(await hub.TokenClientAsync(TeamRole.Admin));
        var browser = await hub.SignedInAsync();
        var counts = await hub.Store.Conversations.CountConversationsAsync(Token);
        counts.Truncated.ShouldBe(1, "the simulator seeds one conversation past the 500-part cap");

        var response = await WebHub.PostFormAsync(browser, "/conversations?handler=Audit", []);

        var html = await response.Content.ReadAsStringAsync(Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var result = AuditResult().Match(html);
        result.Success.ShouldBeTrue(html);
        Regex.Replace(WebUtility.HtmlDecode(result.Groups[1].Value), @"\s+", " ").ShouldBe(
            $"{counts.Conversations:N0} checked · {counts.Conversations - 1:N0} complete · 1 read again · 0 repaired · 0 parts added · "
            + "1 still missing older parts Intercom no longer returns");
        html.ShouldContain("data-testid=\"audit-incomplete\"");
    }

    private static List<string> Ids(string html) => [.. Row().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("data-testid=\"inbox-row\" data-id=\"([^\"]+)\">\\s*<td><a href=\"[^\"]+\" data-testid=\"inbox-link\">([^<]*)</a>")]
    private static partial Regex Row();

    [GeneratedRegex("href=\"([^\"]+)\" data-testid=\"page-next\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("data-testid=\"flag-bot\"")]
    private static partial Regex BotFlags();

    [GeneratedRegex("data-testid=\"flag-unattached\"")]
    private static partial Regex UnattachedFlags();

    [GeneratedRegex("data-testid=\"audit-result\">([^<]+)")]
    private static partial Regex AuditResult();
}
