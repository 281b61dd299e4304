using Rapport.Hub.Users;

namespace Rapport.Web.Tests.Playbooks;

/// <summary>Settings → Playbooks: create through the form, refused input named, preview against a real user, audit.</summary>
public sealed class PlaybookPageSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_Admin_creates_a_playbook_on_the_page_previews_it_for_a_user_and_a_misspelt_placeholder_is_named()
    {
        await using var hub = await PlaybookHub.StartAsync();
        var browser = await hub.Hub.SignedInAsync();
        var userId = await hub.UserIdAsync(hub.Users[0]);
        var user = (await hub.Hub.Store.Browse.GetUserAsync(new UserId(userId), Token)).ShouldNotBeNull();
        Dictionary<string, string> Form(string body) => new()
        {
            ["id"] = "0",
            ["Form.Name"] = "Export failed",
            ["Form.TriggerKind"] = "event",
            ["Form.TriggerName"] = PlaybookHub.EventName,
            ["Form.Action"] = "in_app",
            ["Form.Body"] = body,
            ["Form.SenderTeammateId"] = hub.Sender.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.CapCount"] = "1",
            ["Form.CapDays"] = "7",
            ["Form.TimeZone"] = "UTC",
            ["PreviewUser"] = userId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        var refused = await WebHub.PostFormAsync(browser, "/settings/playbooks?handler=Save", Form("Hi {{user.frist_name}}"));
        var preview = await WebHub.PostFormAsync(browser, "/settings/playbooks?handler=Preview", Form("Hi {{user.email}}, need help?"));
        var saved = await WebHub.PostFormAsync(browser, "/settings/playbooks?handler=Save", Form("Hi {{user.email}}, need help?"));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Token));
        refusedPage.ShouldContain("Nothing was saved");
        refusedPage.ShouldContain("Unknown placeholder {{user.frist_name}}");
        WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync(Token)).ShouldContain($"Hi {user.Email}, need help?");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await browser.GetStringAsync("/settings/playbooks", Token);
        list.ShouldContain("data-testid=\"playbook\"");
        list.ShouldContain("Export failed");
        (await hub.Hub.Store.Playbooks.ListPlaybooksAsync(Token)).ShouldHaveSingleItem().Body.ShouldBe("Hi {{user.email}}, need help?");
    }

    [Fact]
    public async Task The_preview_takes_a_user_by_email_and_the_form_suggests_users_and_the_event_names_it_knows()
    {
        await using var hub = await PlaybookHub.StartAsync();
        var browser = await hub.Hub.SignedInAsync();
        var user = (await hub.Hub.Store.Browse.GetUserAsync(new UserId(await hub.UserIdAsync(hub.Users[0])), Token)).ShouldNotBeNull();
        var email = user.Email.ShouldNotBeNull();
        Dictionary<string, string> Form(string previewUser) => new()
        {
            ["id"] = "0",
            ["Form.Name"] = "Export failed",
            ["Form.TriggerKind"] = "event",
            ["Form.TriggerName"] = PlaybookHub.EventName,
            ["Form.Action"] = "in_app",
            ["Form.Body"] = "Hi {{user.email}}, need help?",
            ["Form.SenderTeammateId"] = hub.Sender.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.CapCount"] = "1",
            ["Form.CapDays"] = "7",
            ["Form.TimeZone"] = "UTC",
            ["PreviewUser"] = previewUser,
        };

        var form = WebUtility.HtmlDecode(await browser.GetStringAsync("/settings/playbooks", Token));
        var byEmail = await WebHub.PostFormAsync(browser, "/settings/playbooks?handler=Preview", Form($"  {email.ToUpperInvariant()} "));
        var unknown = await WebHub.PostFormAsync(browser, "/settings/playbooks?handler=Preview", Form("nobody@example.invalid"));

        form.ShouldContain($"<option value=\"{email}\">", customMessage: "the preview box suggests users by email");
        form.ShouldContain($"<option value=\"{PlaybookHub.EventName}\">event</option>", customMessage: "the trigger name box suggests the events Rapport tracks");
        var previewed = WebUtility.HtmlDecode(await byEmail.Content.ReadAsStringAsync(Token));
        previewed.ShouldContain($"Hi {email}, need help?");
        previewed.ShouldContain($"As {user.Name} ({email}) would read it");
        previewed.ShouldNotContain("Nothing was saved");
        (await hub.Hub.Store.Playbooks.ListPlaybooksAsync(Token)).ShouldBeEmpty("a preview saves nothing");
        var refused = WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync(Token));
        refused.ShouldContain("No user matches 'nobody@example.invalid'");
        refused.ShouldNotContain("data-testid=\"preview\"");
    }
}
