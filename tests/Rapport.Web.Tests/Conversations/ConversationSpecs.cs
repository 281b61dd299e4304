using System.Text.RegularExpressions;

namespace Rapport.Web.Tests.Conversations;

public sealed partial class ConversationSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_thread_page_shows_every_part_in_order_with_bot_parts_marked_and_the_note_apart()
    {
        // Arrange
        var imported = await ConversationHub.StartAsync(Token);
        await using var hub = imported.Hub;
        var browser = await hub.SignedInAsync();
        var conversation = imported.Conversation;

        // Act
        var html = await browser.GetStringAsync($"/conversations/{conversation.Id}", Token);

        // Assert
        var parts = Part().Matches(html).Select(m => (Id: m.Groups[1].Value, Kind: m.Groups[2].Value, Type: m.Groups[3].Value)).ToList();
        parts.Select(p => p.Id).ShouldBe([conversation.Source.Id, .. conversation.Parts.Select(p => p.Id)]);
        parts.Where(p => p.Kind == "bot").Select(p => p.Id).ShouldBe(conversation.Parts.Where(p => p.Author.Type == "bot").Select(p => p.Id));
        parts.Single(p => p.Type == "note").Kind.ShouldBe("admin");
        html.ShouldContain("part-note");
        html.ShouldContain("<h1 data-testid=\"conversation-title\">Our export is broken");
        html.ShouldContain("I am Fin, let me look.");
        html.ShouldContain(">closed</span>");
        html.ShouldContain("href=\"https://files.example.test/export.log\"");
        html.ShouldContain($"href=\"/users/");
        html.ShouldContain(WebUtility.HtmlEncode(imported.Contact.Name ?? imported.Contact.Email!));
    }

    [Fact]
    public async Task A_body_with_html_and_script_is_shown_as_inert_text()
    {
        // Arrange
        var imported = await ConversationHub.StartAsync(Token);
        await using var hub = imported.Hub;
        var browser = await hub.SignedInAsync();

        // Act
        var html = await browser.GetStringAsync($"/conversations/{imported.Conversation.Id}", Token);

        // Assert
        html.ShouldContain("Hi &amp; welcome aboard");
        html.ShouldNotContain("owned");
        html.ShouldNotContain("onerror");
        html.ShouldNotContain("onmouseover");
        html.ShouldNotContain("<b ");
    }

    [Fact]
    public async Task The_account_and_user_pages_list_their_conversations_linking_to_the_thread()
    {
        // Arrange
        var imported = await ConversationHub.StartAsync(Token);
        await using var hub = imported.Hub;
        var browser = await hub.SignedInAsync();
        var account = (await hub.Store.Browse.FindAccountAsync(imported.Company.CompanyId!, Token))!;
        var user = (await hub.Store.Browse.FindUserAsync(imported.Contact.ExternalId!, Token))!;

        // Act
        var accountPage = await browser.GetStringAsync($"/accounts/{account.Id.Value}", Token);
        var userPage = await browser.GetStringAsync($"/users/{user.Id.Value}", Token);

        // Assert
        var link = $"href=\"/conversations/{imported.Conversation.Id}\"";
        accountPage.ShouldContain(link);
        accountPage.ShouldContain($"data-testid=\"conversation-row\" data-id=\"{imported.Conversation.Id}\"");
        userPage.ShouldContain(link);
    }

    [Fact]
    public async Task The_api_returns_a_conversation_with_its_parts_and_an_accounts_conversations()
    {
        // Arrange
        var imported = await ConversationHub.StartAsync(Token);
        await using var hub = imported.Hub;
        var api = await hub.TokenClientAsync(Rapport.Hub.Team.TeamRole.TeamMember);
        var account = (await hub.Store.Browse.FindAccountAsync(imported.Company.CompanyId!, Token))!;
        var conversation = imported.Conversation;

        // Act
        var one = await api.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversation.Id}", Token);
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{account.Id.Value}/conversations", Token);

        // Assert
        one.GetProperty("conversation").GetProperty("state").GetString().ShouldBe("closed");
        var parts = one.GetProperty("parts").EnumerateArray().ToList();
        parts.Select(p => p.GetProperty("id").GetString()).ShouldBe([conversation.Source.Id, .. conversation.Parts.Select(p => p.Id)]);
        parts.First(p => p.GetProperty("authorKind").GetString() == "bot").GetProperty("text").GetString().ShouldBe("I am Fin, let me look.");
        parts.Single(p => p.GetProperty("attachments").GetArrayLength() == 1).GetProperty("text").GetString().ShouldBe("Hi & welcome aboard");
        list.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldContain(conversation.Id);
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_nothing_is_shown_without_sign_in()
    {
        // Arrange
        var imported = await ConversationHub.StartAsync(Token);
        await using var hub = imported.Hub;
        var browser = await hub.SignedInAsync();
        var api = await hub.TokenClientAsync(Rapport.Hub.Team.TeamRole.TeamMember);
        var anonymous = hub.Client();

        // Act
        var page = await browser.GetAsync("/conversations/999999999", Token);
        var one = await api.GetAsync("/api/v1/conversations/999999999", Token);
        var account = await api.GetAsync("/api/v1/accounts/999999999/conversations", Token);
        var unsigned = await anonymous.GetAsync($"/api/v1/conversations/{imported.Conversation.Id}", Token);

        // Assert
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        one.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        account.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unsigned.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [GeneratedRegex("data-testid=\"part\" data-id=\"([^\"]+)\" data-kind=\"([^\"]+)\" data-type=\"([^\"]+)\"")]
    private static partial Regex Part();
}
