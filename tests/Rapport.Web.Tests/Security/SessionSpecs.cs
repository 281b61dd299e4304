namespace Rapport.Web.Tests.Security;

/// <summary>
/// A session cookie is only as good as its session on the server: copies of it stop working when it is signed out, when
/// the teammate's password or role changes, and when the teammate is removed.
/// </summary>
public sealed class SessionSpecs
{
    private const string NewPassword = "a fresh and longer passphrase 42";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_copied_session_cookie_is_refused_after_sign_out_and_other_sign_ins_carry_on()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var browser = await hub.SignedInAsync();
        var stolen = hub.CopyOf(browser);
        var elsewhere = await hub.SignedInAsync();
        (await WebHub.IsSignedInAsync(stolen)).ShouldBeTrue("a copy of a live cookie works, as it does for anyone holding it");

        var signedOut = await WebHub.SignOutAsync(browser);

        signedOut.Headers.Location!.ToString().ShouldBe("/signin");
        (await WebHub.IsSignedInAsync(stolen)).ShouldBeFalse("signing out ends the session, not only the browser's cookie");
        (await WebHub.IsSignedInAsync(browser)).ShouldBeFalse();
        (await WebHub.IsSignedInAsync(elsewhere)).ShouldBeTrue("another sign-in is another session");
    }

    [Fact]
    public async Task A_password_change_signs_out_every_other_session_and_keeps_the_one_it_was_made_in()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var (email, password) = await hub.AddTeammateAsync(TeamRole.Leader);
        var laptop = await hub.SignedInAsync(email, password);
        var phone = await hub.SignedInAsync(email, password);
        var copyOfLaptop = hub.CopyOf(laptop);

        var changed = await WebHub.PostFormAsync(laptop, "/me?handler=Password", new() { ["current"] = password, ["next"] = NewPassword });

        (await changed.Content.ReadAsStringAsync(Cancel)).ShouldContain("Your password was changed");
        (await WebHub.IsSignedInAsync(phone)).ShouldBeFalse("a session signed in with the old password ends");
        (await WebHub.IsSignedInAsync(copyOfLaptop)).ShouldBeFalse("a cookie copied before the change ends, even the changer's");
        (await WebHub.IsSignedInAsync(laptop)).ShouldBeTrue("whoever changed it carries on in a fresh session");
        (await WebHub.IsSignedInAsync(await hub.SignedInAsync(email, NewPassword))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_role_change_refuses_the_old_cookie_and_signing_in_again_gives_the_new_role()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var (email, password) = await hub.AddTeammateAsync(TeamRole.Leader);
        var browser = await hub.SignedInAsync(email, password);
        (await browser.GetAsync("/settings", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var leader = (await hub.Store.Team.FindTeammateByEmailAsync(email, Cancel))!.Teammate;

        (await hub.Store.Team.UpdateTeammateAsync(leader.Id, leader.Name, TeamRole.TeamMember, null, Cancel)).ShouldBeTrue();

        (await WebHub.IsSignedInAsync(browser)).ShouldBeFalse("a session granted under the old role ends with it");
        var again = await hub.SignedInAsync(email, password);
        (await again.GetAsync("/settings", Cancel)).Headers.Location!.ToString().ShouldContain("/denied");
    }

    [Fact]
    public async Task A_removed_teammates_cookie_and_api_token_are_refused_even_once_a_newcomer_is_added()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var (email, password) = await hub.AddTeammateAsync(TeamRole.TeamMember);
        var browser = await hub.SignedInAsync(email, password);
        var kept = hub.CopyOf(browser);
        var token = await hub.TokenClientAsync(email, password);
        var admin = await hub.SignedInAsync();
        var id = (await hub.Store.Team.FindTeammateByEmailAsync(email, Cancel))!.Teammate.Id;

        var removed = await WebHub.PostFormAsync(admin, "/settings/teammates?handler=Remove", new() { ["id"] = $"{id}" });

        (await removed.Content.ReadAsStringAsync(Cancel)).ShouldContain("was removed");
        (await WebHub.IsSignedInAsync(browser)).ShouldBeFalse();
        (await token.GetAsync("/api/v1/me", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // SQLite hands a removed row's id to the next teammate added: a copy of the removed teammate's cookie, kept unused
        // until then, must not sign its holder in as the newcomer.
        await WebHub.PostFormAsync(admin, "/settings/teammates?handler=Add", new() { ["name"] = "Newcomer", ["email"] = "newcomer@example.test", ["role"] = "admin" });
        (await WebHub.IsSignedInAsync(kept)).ShouldBeFalse("a removed teammate's cookie stays refused, whoever is added next");
        (await token.GetAsync("/api/v1/me", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
