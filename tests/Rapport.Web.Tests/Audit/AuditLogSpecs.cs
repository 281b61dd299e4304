using static Rapport.Web.Tests.Security.SignInThrottleSpecs;

namespace Rapport.Web.Tests.Audit;

/// <summary>
/// Who did what, read the way an Admin reads it: on Settings → Audit log and from <c>GET /api/v1/audit</c>, newest first,
/// with names and dates. Everything here happens over HTTP, as a teammate would do it.
/// </summary>
public sealed class AuditLogSpecs
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_failed_and_a_successful_sign_in_are_recorded_with_the_email_tried_and_the_address()
    {
        // Arrange
        await using var hub = await WebHub.StartAsync(null, o => o with { TrustedProxies = ["127.0.0.1"] }, Cancel);
        var reader = await hub.SignedInAsync();
        var visitor = ClientAt(hub, "203.0.113.77");

        // Act
        await SignInAsync(visitor, "ADMIN@example.test ", "not the password");
        await SignInAsync(visitor, WebHub.AdminEmail, WebHub.AdminPassword);

        // Assert
        var items = await ItemsAsync(reader, "/api/v1/audit");
        var (success, failure) = (items[0], items[1]);
        success.GetProperty("action").GetString().ShouldBe("sign_in.succeeded");
        success.GetProperty("address").GetString().ShouldBe("203.0.113.77");
        success.GetProperty("actor").GetProperty("name").GetString().ShouldBe("Admin");
        failure.GetProperty("action").GetString().ShouldBe("sign_in.failed");
        failure.GetProperty("address").GetString().ShouldBe("203.0.113.77");
        failure.GetProperty("subject").GetString().ShouldBe("ADMIN@example.test");
        failure.GetProperty("actor").ValueKind.ShouldBe(JsonValueKind.Null);
        DateTimeOffset.Parse(failure.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        var page = WebUtility.HtmlDecode(await reader.GetStringAsync("/settings/audit", Cancel));
        page.ShouldContain("Sign-in failed");
        page.ShouldContain("ADMIN@example.test");
        page.ShouldContain("203.0.113.77");
    }

    [Fact]
    public async Task A_role_change_and_a_token_creation_are_recorded_by_name_on_the_page_and_in_the_api()
    {
        // Arrange
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var admin = await hub.SignedInAsync();
        var added = await admin.PostAsJsonAsync("/api/v1/teammates", new { email = "grace@example.test", name = "Grace Hopper", role = "team_member" }, Cancel);
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("teammate").GetProperty("id").GetInt64();

        // Act
        var promoted = await admin.PutAsJsonAsync($"/api/v1/teammates/{id}/role", new { role = "leader" }, Cancel);
        await WebHub.PostFormAsync(admin, "/me?handler=Create", new() { ["name"] = "weekly report" });

        // Assert
        promoted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await promoted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("role").GetString().ShouldBe("leader");
        var items = await ItemsAsync(admin, "/api/v1/audit");
        var token = items[0];
        token.GetProperty("action").GetString().ShouldBe("api_token.created");
        token.GetProperty("subject").GetString().ShouldBe("weekly report");
        var role = items[1];
        role.GetProperty("action").GetString().ShouldBe("teammate.role_changed");
        role.GetProperty("subject").GetString().ShouldBe("Grace Hopper (grace@example.test)");
        role.GetProperty("detail").GetString().ShouldBe("Team Member → Leader");
        role.GetProperty("actor").GetProperty("name").GetString().ShouldBe("Admin");
        items[2].GetProperty("action").GetString().ShouldBe("teammate.added");

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/settings/audit", Cancel));
        page.ShouldContain("Role changed");
        page.ShouldContain("Grace Hopper (grace@example.test)");
        page.ShouldContain("Team Member → Leader");
        page.ShouldContain("API token created");
        page.ShouldContain(TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        page.ShouldNotContain($"teammate {id}");
    }

    [Fact]
    public async Task A_role_changed_on_the_teammates_page_is_recorded_and_ones_own_role_cannot_be()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var (email, _) = await hub.AddTeammateAsync(TeamRole.Leader, "lin@example.test");
        var lin = (await hub.Store.Team.FindTeammateByEmailAsync(email, Cancel))!.Teammate;
        var admin = await hub.SignedInAsync();
        var self = (await hub.Store.Team.FindTeammateByEmailAsync(WebHub.AdminEmail, Cancel))!.Teammate;

        var changed = await WebHub.PostFormAsync(admin, "/settings/teammates?handler=Role", new() { ["id"] = $"{lin.Id}", ["role"] = "admin" });
        var own = await WebHub.PostFormAsync(admin, "/settings/teammates?handler=Role", new() { ["id"] = $"{self.Id}", ["role"] = "team_member" });

        (await changed.Content.ReadAsStringAsync(Cancel)).ShouldContain("Leader is now Admin.");
        (await own.Content.ReadAsStringAsync(Cancel)).ShouldContain("You cannot change your own role");
        (await hub.Store.Team.FindTeammateAsync(lin.Id, Cancel))!.Role.ShouldBe(TeamRole.Admin);
        (await hub.Store.Team.FindTeammateAsync(self.Id, Cancel))!.Role.ShouldBe(TeamRole.Admin);
        var role = (await ItemsAsync(admin, "/api/v1/audit"))[0];
        (role.GetProperty("action").GetString(), role.GetProperty("subject").GetString(), role.GetProperty("detail").GetString())
            .ShouldBe(("teammate.role_changed", "Leader (lin@example.test)", "Leader → Admin"));
    }

    [Fact]
    public async Task Settings_changes_and_signing_out_are_recorded()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var admin = await hub.SignedInAsync();
        var leader = await hub.AddTeammateAsync(TeamRole.Leader);
        var other = await hub.SignedInAsync(leader.Email, leader.Password);

        (await other.PostAsync("/api/v1/integrations/segment/rotate", null, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SignOutAsync(other);

        var items = await ItemsAsync(admin, "/api/v1/audit");
        items[0].GetProperty("action").GetString().ShouldBe("sign_out");
        items[0].GetProperty("actor").GetProperty("email").GetString().ShouldBe(leader.Email);
        items[1].GetProperty("action").GetString().ShouldBe("segment.write_key_rotated");
        items[1].GetProperty("description").GetString().ShouldBe("Segment write key rotated");
        items[1].GetProperty("actor").GetProperty("email").GetString().ShouldBe(leader.Email);
    }

    [Fact]
    public async Task An_admin_signing_a_teammate_out_everywhere_is_recorded()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var (email, password) = await hub.AddTeammateAsync(TeamRole.TeamMember, "ines@example.test");
        await hub.SignedInAsync(email, password);
        var id = (await hub.Store.Team.FindTeammateByEmailAsync(email, Cancel))!.Teammate.Id;
        var admin = await hub.SignedInAsync();

        (await admin.DeleteAsync($"/api/v1/teammates/{id}/sessions", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var ended = (await ItemsAsync(admin, "/api/v1/audit"))[0];
        (ended.GetProperty("action").GetString(), ended.GetProperty("subject").GetString(), ended.GetProperty("detail").GetString())
            .ShouldBe(("sessions.ended", "Team Member (ines@example.test)", "all 1, by an Admin"));
    }

    [Fact]
    public async Task The_log_is_paged_newest_first_without_overlap()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var admin = await hub.SignedInAsync();
        for (var guess = 1; guess <= 3; guess++)
            await SignInAsync(hub.Client(), $"guess{guess}@example.test", "a guess at a password");

        var first = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=2", Cancel);
        var second = await admin.GetFromJsonAsync<JsonElement>(first.GetProperty("next").GetString()!, Cancel);

        Subjects(first).ShouldBe(["guess3@example.test", "guess2@example.test"]);
        Subjects(second).ShouldBe(["guess1@example.test", WebHub.AdminEmail]);
        var page = await admin.GetStringAsync("/settings/audit?limit=2", Cancel);
        page.ShouldContain("guess3@example.test");
        page.ShouldNotContain("guess1@example.test");
        page.ShouldContain("Older");
    }

    [Theory]
    [InlineData(TeamRole.TeamMember)]
    [InlineData(TeamRole.Leader)]
    public async Task Only_admins_read_the_log(TeamRole role)
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var (email, password) = await hub.AddTeammateAsync(role);
        var client = await hub.SignedInAsync(email, password);

        var api = await client.GetAsync("/api/v1/audit", Cancel);
        var page = await client.GetAsync("/settings/audit", Cancel);

        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/denied");
    }

    private static async Task<JsonElement[]> ItemsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("items").EnumerateArray()];
    }

    // The sign-out button is a form in every page's header, with the page's antiforgery token.
    private static async Task SignOutAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/me", Cancel);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }), Cancel);
        response.Headers.Location!.ToString().ShouldBe("/signin");
    }

    private static string?[] Subjects(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("subject").GetString())];
}
