namespace Rapport.Web.Tests.Messaging;

/// <summary>The compose page: a preview with the user's real data, a slow Intercom said so, a refusal named with the text kept.</summary>
public sealed class ComposePageSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_compose_page_previews_with_real_data_says_a_slow_send_is_on_its_way_and_keeps_a_refused_one_named()
    {
        await using var hub = await MessagingHub.StartAsync();
        var (email, password) = await hub.Live.Hub.AddMappedTeammateAsync(Hub.Team.TeamRole.TeamMember, hub.Seated.Email);
        var browser = await hub.Live.Hub.SignedInAsync(email, password);
        var user = (await hub.Live.Hub.Store.Browse.FindUserAsync(hub.Live.Contact.ExternalId!, Token))!;
        var url = $"/users/{user.Id.Value}/message";
        var first = hub.Live.Contact.Name!.Split(' ')[0];
        var simulator = hub.Live.Hub.Simulator;

        var preview = await WebHub.PostFormAsync(browser, url + "?handler=Preview",
            new() { ["Channel"] = "in_app", ["Body"] = "Hi {{user.first_name | default: \"there\"}}, how is it going?" });
        var previewPage = await preview.Content.ReadAsStringAsync(Token);
        simulator.InjectFault("slow", count: 1, pathPrefix: "/messages", delay: TimeSpan.FromSeconds(8));
        var slow = await WebHub.PostFormAsync(browser, url, new() { ["Channel"] = "in_app", ["Body"] = "Checking in." });
        var userPage = await browser.GetStringAsync(slow.Headers.Location!.OriginalString, Token);
        await WebHub.EventuallyAsync(() => Task.FromResult(simulator.Stats.MessagesCreated == 1), "the slow message is sent");
        // Deleted in Intercom before the hub hears of it: with the webhook unsubscribed, only Intercom's refusal tells it
        // (with the webhook in, the hub would know first and refuse with 409 itself).
        simulator.ConfigureWebhooks(null);
        hub.Workspace.RemoveContact(hub.Live.Contact.Id).ShouldBeTrue();
        var refused = await WebHub.PostFormAsync(browser, url, new() { ["Channel"] = "in_app", ["Body"] = "Are you still there?" });
        var refusedPage = await refused.Content.ReadAsStringAsync(Token);

        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        previewPage.ShouldContain($"data-testid=\"preview-body\">Hi {first}, how is it going?</div>");
        simulator.Stats.RequestsTo("POST /messages").ShouldBeGreaterThan(0, "only the sends reached Intercom");
        slow.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        slow.Headers.Location!.OriginalString.ShouldStartWith($"/users/{user.Id.Value}?send=");
        userPage.ShouldContain("Your message is queued: Intercom has not answered yet.");
        refused.StatusCode.ShouldBe((HttpStatusCode)422, refusedPage);
        refusedPage.ShouldContain("Intercom does not know the contact");
        refusedPage.ShouldContain("Are you still there?", customMessage: "the text is kept to send again");
        simulator.Stats.MessagesCreated.ShouldBe(1);
    }
}
