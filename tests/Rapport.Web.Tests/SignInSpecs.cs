namespace Rapport.Web.Tests;

public sealed class SignInSpecs
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/accounts")]
    [InlineData("/settings")]
    [InlineData("/settings/teammates")]
    [InlineData("/me")]
    public async Task Pages_send_a_visitor_to_the_sign_in_page(string path)
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);

        var response = await hub.Client().GetAsync(path, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/signin?ReturnUrl=");
    }

    [Theory]
    [InlineData("/api/v1/accounts")]
    [InlineData("/api/v1/integrations/intercom")]
    [InlineData("/openapi/v1.json")]
    public async Task The_api_answers_401_without_a_session_or_token(string path)
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);

        var response = await hub.Client().GetAsync(path, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("API token");
    }

    [Fact]
    public async Task A_wrong_password_or_unknown_email_gets_the_same_answer_and_no_session()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var client = hub.Client();

        var wrongPassword = await WebHub.PostFormAsync(client, "/signin", new() { ["email"] = WebHub.AdminEmail, ["password"] = "not the password" });
        var unknown = await WebHub.PostFormAsync(client, "/signin", new() { ["email"] = "nobody@example.test", ["password"] = "whatever it is" });

        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await wrongPassword.Content.ReadAsStringAsync(Cancel)).ShouldContain("do not match a teammate");
        (await unknown.Content.ReadAsStringAsync(Cancel)).ShouldContain("do not match a teammate");
        (await client.GetAsync("/me", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var client = await hub.SignedInWithoutTokenAsync();

        var response = await client.PostAsync("/me?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "forged" }), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_team_member_cannot_reach_settings()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var (email, password) = await hub.AddTeammateAsync(TeamRole.TeamMember);
        var client = await hub.SignedInAsync(email, password);

        var settings = await client.GetAsync("/settings", Cancel);
        var home = await client.GetAsync("/", Cancel);

        settings.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        settings.Headers.Location!.ToString().ShouldContain("/denied");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_leader_reaches_settings_but_not_teammates()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var (email, password) = await hub.AddTeammateAsync(TeamRole.Leader);
        var client = await hub.SignedInAsync(email, password);

        (await client.GetAsync("/settings", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/settings/teammates", Cancel)).Headers.Location!.ToString().ShouldContain("/denied");
    }

    [Fact]
    public async Task A_removed_teammate_is_signed_out_at_once()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var (email, password) = await hub.AddTeammateAsync(TeamRole.Leader);
        var client = await hub.SignedInAsync(email, password);
        (await client.GetAsync("/me", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var teammate = await hub.Store.Team.FindTeammateByEmailAsync(email, Cancel);
        await hub.Store.Team.RemoveTeammateAsync(teammate!.Teammate.Id, Cancel);

        (await client.GetAsync("/me", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_personal_api_token_authenticates_and_a_revoked_or_forged_one_does_not()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var client = await hub.TokenClientAsync(TeamRole.TeamMember);

        (await client.GetAsync("/api/v1/me", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);

        client.DefaultRequestHeaders.Authorization = new("Bearer", "rpt_" + new string('x', 43));
        var forged = await client.GetAsync("/api/v1/me", Cancel);
        forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        forged.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
    }
}
