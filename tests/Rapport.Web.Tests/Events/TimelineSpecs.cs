using Rapport.Web.Tests.Conversations;

namespace Rapport.Web.Tests.Events;

/// <summary>An account's timeline and a user's recent events, on their pages and in the API.</summary>
public sealed class TimelineSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_accounts_timeline_merges_its_users_events_and_conversations_newest_first_with_links()
    {
        var conversationHub = await ConversationHub.StartAsync(Token);
        await using var hub = conversationHub.Hub;
        var api = await hub.TokenClientAsync(TeamRole.Admin);
        await hub.EnableEventImportAsync(api);
        var user = (await hub.Store.Browse.FindUserAsync(conversationHub.Contact.ExternalId!, Token)).ShouldNotBeNull();
        var account = (await hub.Store.Browse.FindAccountAsync(conversationHub.Company.CompanyId!, Token)).ShouldNotBeNull();

        hub.Simulator.Workspace.TrackEvent(conversationHub.Contact.Id, "invoice-paid", TimeProvider.System.GetUtcNow().AddMinutes(1),
            new Dictionary<string, string> { ["amount"] = "120" }).ShouldBeTrue();
        await WebHub.EventuallyAsync(async () => (await hub.Store.Events.ListUserEventsAsync(user.Id, 10, Token)).Count == 1, "the event is stored");

        var timeline = await api.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{account.Id.Value}/timeline", Token);
        var items = timeline.EnumerateArray()
            .Select(i => (Kind: i.GetProperty("kind").GetString(), Link: i.GetProperty("link").GetString(), At: i.GetProperty("at").GetDateTimeOffset()))
            .ToList();
        items[0].ShouldBe(("event", $"/users/{user.Id.Value}", items[0].At), "the event is the newest");
        items.ShouldContain(i => i.Kind == "conversation" && i.Link == $"/conversations/{conversationHub.Conversation.Id}");
        items.Select(i => i.At).ShouldBeInOrder(SortDirection.Descending);

        var browser = await hub.SignedInAsync();
        var accountPage = await browser.GetStringAsync($"/accounts/{account.Id.Value}", Token);
        accountPage.ShouldContain($"<a href=\"/users/{user.Id.Value}\" data-testid=\"timeline-link\">invoice-paid</a>");
        accountPage.ShouldContain($"<a href=\"/conversations/{conversationHub.Conversation.Id}\" data-testid=\"timeline-link\">");
        accountPage.IndexOf("invoice-paid", StringComparison.Ordinal).ShouldBeLessThan(
            accountPage.IndexOf($"/conversations/{conversationHub.Conversation.Id}\" data-testid=\"timeline-link\"", StringComparison.Ordinal), "newest first");

        var userPage = await browser.GetStringAsync($"/users/{user.Id.Value}", Token);
        userPage.ShouldContain("<td class=\"mono\" data-testid=\"event-name\">invoice-paid</td>");
        userPage.ShouldContain("amount: 120");
        var events = await api.GetFromJsonAsync<JsonElement>($"/api/v1/users/{user.Id.Value}/events", Token);
        var only = events.EnumerateArray().ShouldHaveSingleItem();
        only.GetProperty("name").GetString().ShouldBe("invoice-paid");
        only.GetProperty("metadata").GetProperty("amount").GetString().ShouldBe("120");
    }

    [Fact]
    public async Task Unknown_ids_and_bad_limits_are_answered_with_problems()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var api = await hub.TokenClientAsync(TeamRole.TeamMember);

        (await api.GetAsync("/api/v1/accounts/999999/timeline", Token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync("/api/v1/users/999999/events", Token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync("/api/v1/users/1/events?limit=0", Token)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.GetAsync("/api/v1/events/names/never-seen", Token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
