using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace Rapport.Web.Tests.Security;

/// <summary>A teammate sees where they are signed in and ends what they do not recognise; an Admin ends all of a teammate's.</summary>
public sealed partial class SessionListSpecs
{
    private const string ChromeOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
    private const string FirefoxOnLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private const string SafariOnIPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_profile_lists_each_sign_in_and_signing_another_out_refuses_its_cookie()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await WebHub.StartAsync(null, options => options with { TimeProvider = time }, Cancel);
        var other = await hub.SignedInFromAsync(FirefoxOnLinux);
        time.Advance(TimeSpan.FromMinutes(5));
        var laptop = await hub.SignedInFromAsync(ChromeOnWindows);

        var rows = Rows(await laptop.GetStringAsync("/me", Cancel));

        rows.Count.ShouldBe(2);
        var mine = rows.Where(r => r.Contains("this session", StringComparison.Ordinal)).ShouldHaveSingleItem();
        mine.ShouldContain("Chrome on Windows");
        var theirs = rows.Where(r => r.Contains("Firefox on Linux", StringComparison.Ordinal)).ShouldHaveSingleItem();
        theirs.ShouldContain("127.0.0.1");
        theirs.ShouldContain($"{time.GetUtcNow().AddMinutes(-5).UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        theirs.ShouldContain("5 minutes ago");

        var page = await WebHub.PostFormAsync(laptop, "/me?handler=EndSession", new() { ["id"] = SessionId(theirs) });

        (await page.Content.ReadAsStringAsync(Cancel)).ShouldContain("That session was ended");
        (await WebHub.IsSignedInAsync(other)).ShouldBeFalse();
        (await WebHub.IsSignedInAsync(laptop)).ShouldBeTrue();
        Rows(await laptop.GetStringAsync("/me", Cancel)).ShouldHaveSingleItem().ShouldContain("this session");
    }

    [Fact]
    public async Task Signing_out_all_other_sessions_keeps_only_the_current_one()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var current = await hub.SignedInAsync();
        var second = await hub.SignedInAsync();
        var copyOfSecond = hub.CopyOf(second);
        var token = await hub.TokenClientAsync(WebHub.AdminEmail, WebHub.AdminPassword);

        var page = await WebHub.PostFormAsync(current, "/me?handler=EndOtherSessions", []);

        // The second sign-in and the one the token was created in; a copied cookie is its session, not another one.
        (await page.Content.ReadAsStringAsync(Cancel)).ShouldContain("Your 2 other sessions were ended.");
        (await WebHub.IsSignedInAsync(second)).ShouldBeFalse();
        (await WebHub.IsSignedInAsync(copyOfSecond)).ShouldBeFalse();
        (await WebHub.IsSignedInAsync(current)).ShouldBeTrue();
        (await token.GetAsync("/api/v1/me", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, "API tokens are not sessions");
    }

    [Fact]
    public async Task The_api_lists_your_sessions_and_ends_one_of_yours_only()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var laptop = await hub.SignedInFromAsync(ChromeOnWindows);
        var phone = await hub.SignedInFromAsync(SafariOnIPhone);
        var (email, password) = await hub.AddTeammateAsync(TeamRole.TeamMember);
        var someoneElse = await hub.SignedInAsync(email, password);
        var theirId = (await someoneElse.GetFromJsonAsync<JsonElement>("/api/v1/me/sessions", Cancel))[0].GetProperty("id").GetInt64();

        var sessions = await laptop.GetFromJsonAsync<JsonElement>("/api/v1/me/sessions", Cancel);

        sessions.GetArrayLength().ShouldBe(2);
        var mine = sessions.EnumerateArray().Where(s => s.GetProperty("current").GetBoolean()).ShouldHaveSingleItem();
        mine.GetProperty("device").GetString().ShouldBe("Chrome on Windows");
        var phones = sessions.EnumerateArray().Where(s => !s.GetProperty("current").GetBoolean()).ShouldHaveSingleItem();
        phones.GetProperty("device").GetString().ShouldBe("Safari on iPhone");
        phones.GetProperty("address").GetString().ShouldBe("127.0.0.1");
        phones.GetProperty("signedInAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(phones.GetProperty("lastSeenAt").GetDateTimeOffset());
        var phoneId = phones.GetProperty("id").GetInt64();

        (await laptop.DeleteAsync($"/api/v1/me/sessions/{theirId}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another teammate's session is not yours to end");
        (await laptop.DeleteAsync($"/api/v1/me/sessions/{phoneId}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await laptop.DeleteAsync($"/api/v1/me/sessions/{phoneId}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await WebHub.IsSignedInAsync(phone)).ShouldBeFalse();
        (await WebHub.IsSignedInAsync(laptop)).ShouldBeTrue();
        (await WebHub.IsSignedInAsync(someoneElse)).ShouldBeTrue();
    }

    [Fact]
    public async Task An_admin_signs_a_teammate_out_everywhere_and_their_api_token_keeps_working()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var (email, password) = await hub.AddTeammateAsync(TeamRole.Leader);
        var one = await hub.SignedInAsync(email, password);
        var two = await hub.SignedInAsync(email, password);
        var token = await hub.TokenClientAsync(email, password);
        var admin = await hub.SignedInAsync();
        var id = (await hub.Store.Team.FindTeammateByEmailAsync(email, Cancel))!.Teammate.Id;

        var page = await WebHub.PostFormAsync(admin, "/settings/teammates?handler=EndSessions", new() { ["id"] = $"{id}" });

        (await page.Content.ReadAsStringAsync(Cancel)).ShouldContain("3 sessions of Leader ended");
        (await WebHub.IsSignedInAsync(one)).ShouldBeFalse();
        (await WebHub.IsSignedInAsync(two)).ShouldBeFalse();
        (await WebHub.IsSignedInAsync(admin)).ShouldBeTrue();
        (await token.GetAsync("/api/v1/me", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, "API tokens are not sessions");

        var again = await hub.SignedInAsync(email, password);
        var ended = await admin.DeleteAsync($"/api/v1/teammates/{id}/sessions", Cancel);
        (await ended.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("ended").GetInt32().ShouldBe(1);
        (await WebHub.IsSignedInAsync(again)).ShouldBeFalse();
        (await token.DeleteAsync($"/api/v1/teammates/{id}/sessions", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "only Admins");
    }

    private static List<string> Rows(string page) => [.. SessionRow().Matches(page).Select(m => m.Value)];

    private static string SessionId(string row) => SessionIdField().Match(row).Groups[1].Value;

    [GeneratedRegex("<tr data-testid=\"session\".*?</tr>", RegexOptions.Singleline)]
    private static partial Regex SessionRow();

    [GeneratedRegex("name=\"id\" value=\"(\\d+)\"")]
    private static partial Regex SessionIdField();
}
