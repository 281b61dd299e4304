namespace Rapport.Web.Tests.Messaging;

/// <summary>The reply box and the compose page as a signed-in teammate uses them.</summary>
public sealed class MessagingPageSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_seat_holder_replies_from_the_conversation_page_and_the_part_shows_once_confirmed()
    {
        await using var hub = await MessagingHub.StartAsync();
        var (email, password) = await hub.Live.Hub.AddMappedTeammateAsync(Hub.Team.TeamRole.TeamMember, hub.Seated.Email);
        var browser = await hub.Live.Hub.SignedInAsync(email, password);
        var id = hub.Conversation.Id;

        var page = await browser.GetStringAsync($"/conversations/{id}", Token);
        var posted = await WebHub.PostFormAsync(browser, $"/conversations/{id}/reply", new() { ["body"] = "Answered from Rapport", ["type"] = "comment", ["idempotencyKey"] = "page-1" });

        page.ShouldContain("data-testid=\"reply-form\"");
        page.ShouldContain(hub.Seated.Name);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.OriginalString.ShouldBe($"/conversations/{id}");
        var part = await WaitForAsync(() => hub.IntercomParts(id, "Answered from Rapport").SingleOrDefault());
        string thread = "";
        await WebHub.EventuallyAsync(async () =>
            (thread = await browser.GetStringAsync($"/conversations/{id}?handler=Thread", Token)).Contains($"data-id=\"{part.Id}\"", StringComparison.Ordinal)
            && !thread.Contains("data-testid=\"pending-send\"", StringComparison.Ordinal), "the reply shows as a confirmed part");
        thread.Split("Answered from Rapport").Length.ShouldBe(2, "the reply shows once");
    }

    [Fact]
    public async Task A_teammate_without_a_seat_sees_why_instead_of_the_reply_box_and_the_compose_button()
    {
        await using var hub = await MessagingHub.StartAsync();
        var unseated = hub.Workspace.Admins.First(a => !a.HasInboxSeat);
        var (email, password) = await hub.Live.Hub.AddMappedTeammateAsync(Hub.Team.TeamRole.TeamMember, unseated.Email);
        var browser = await hub.Live.Hub.SignedInAsync(email, password);
        var user = (await hub.Live.Hub.Store.Browse.FindUserAsync(hub.Live.Contact.ExternalId!, Token))!;

        var conversation = await browser.GetStringAsync($"/conversations/{hub.Conversation.Id}", Token);
        var userPage = await browser.GetStringAsync($"/users/{user.Id.Value}", Token);
        var posted = await WebHub.PostFormAsync(browser, $"/conversations/{hub.Conversation.Id}/reply", new() { ["body"] = "Sneaky" });

        conversation.ShouldNotContain("data-testid=\"reply-form\"");
        conversation.ShouldContain("has no inbox seat");
        userPage.ShouldNotContain("data-testid=\"compose\"");
        userPage.ShouldContain("has no inbox seat");
        posted.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        hub.Live.Hub.Simulator.Stats.RepliesCreated.ShouldBe(0);
    }

    [Fact]
    public async Task The_compose_page_warns_about_email_attachments_keeps_the_text_and_sends_links_when_ticked()
    {
        await using var hub = await MessagingHub.StartAsync();
        var (email, password) = await hub.Live.Hub.AddMappedTeammateAsync(Hub.Team.TeamRole.TeamMember, hub.Seated.Email);
        var browser = await hub.Live.Hub.SignedInAsync(email, password);
        var user = (await hub.Live.Hub.Store.Browse.FindUserAsync(hub.Live.Contact.ExternalId!, Token))!;
        var url = $"/users/{user.Id.Value}/message";
        var fields = new Dictionary<string, string>
        {
            ["Channel"] = "email",
            ["Subject"] = "Slides",
            ["Body"] = "The deck from today.",
            ["Attachments"] = "https://files.example.test/deck.pdf",
        };

        var warned = await WebHub.PostFormAsync(browser, url, new(fields));
        var warning = await warned.Content.ReadAsStringAsync(Token);
        var sent = await WebHub.PostFormAsync(browser, url, new(fields) { ["AsLinks"] = "true" });

        warned.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        warning.ShouldContain("Intercom cannot attach files to a new conversation");
        warning.ShouldContain("The deck from today.");
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var conversationId = sent.Headers.Location!.OriginalString.Split('/').Last();
        hub.Workspace.FindConversation(conversationId)!.Source.Body.ShouldContain("https://files.example.test/deck.pdf");
        hub.Live.Hub.Simulator.Stats.MessagesCreated.ShouldBe(1);
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> read) where T : class
    {
        T? value = null;
        await WebHub.EventuallyAsync(() => Task.FromResult((value = read()) is not null));
        return value!;
    }
}
