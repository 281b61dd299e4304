namespace Rapport.Web.Tests.Messaging;

/// <summary>An Admin maps teammates, themselves included, to Intercom admins after they were added: on Settings → Teammates or the API.</summary>
public sealed class SeatMappingSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_Admin_maps_themselves_to_a_seated_Intercom_admin_on_the_teammates_page_and_can_then_send()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var api = await hub.TokenClientAsync(TeamRole.Admin);
        await hub.ConnectWithTokenAsync(api);
        var seated = hub.Simulator.Workspace.Admins.First(a => a.HasInboxSeat);
        var browser = await hub.SignedInAsync();
        var me = (await api.GetFromJsonAsync<JsonElement>("/api/v1/me", Token)).GetProperty("id").GetInt64();

        var before = await browser.GetStringAsync("/settings/teammates", Token);
        var saved = await WebHub.PostFormAsync(browser, "/settings/teammates?handler=Map", new() { ["id"] = $"{me}", ["intercomAdminEmail"] = seated.Email });
        var after = await saved.Content.ReadAsStringAsync(Token);
        var seat = await api.GetFromJsonAsync<JsonElement>("/api/v1/me/seat", Token);

        before.ShouldContain($"<option value=\"{seated.Email}\">", customMessage: "Intercom's admins are offered to pick from");
        before.ShouldContain("No Intercom teammate has the email");
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.ShouldContain($"sends to Intercom as the admin {seated.Email}");
        after.ShouldContain("data-testid=\"seat\">Sends as ");
        seat.GetProperty("canSend").GetBoolean().ShouldBeTrue(seat.ToString());
        seat.GetProperty("adminId").GetString().ShouldBe(seated.Id);
    }

    [Fact]
    public async Task The_API_maps_a_teammate_to_an_Intercom_admin_for_Admins_only_and_names_a_bad_email_or_teammate()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var api = await hub.TokenClientAsync(TeamRole.Admin);
        await hub.ConnectWithTokenAsync(api);
        var unseated = hub.Simulator.Workspace.Admins.First(a => !a.HasInboxSeat);
        var (email, password) = await hub.AddTeammateAsync(TeamRole.TeamMember);
        var member = await hub.TokenClientAsync(email, password);
        var memberId = (await member.GetFromJsonAsync<JsonElement>("/api/v1/me", Token)).GetProperty("id").GetInt64();

        using var mapped = await api.PutAsJsonAsync($"/api/v1/teammates/{memberId}/intercom-admin", new { email = unseated.Email }, Token);
        var seat = await member.GetFromJsonAsync<JsonElement>("/api/v1/me/seat", Token);
        using var byMember = await member.PutAsJsonAsync($"/api/v1/teammates/{memberId}/intercom-admin", new { email = "someone@example.test" }, Token);
        using var badEmail = await api.PutAsJsonAsync($"/api/v1/teammates/{memberId}/intercom-admin", new { email = "not an email" }, Token);
        using var nobody = await api.PutAsJsonAsync("/api/v1/teammates/999999/intercom-admin", new { email = unseated.Email }, Token);
        using var cleared = await api.PutAsJsonAsync($"/api/v1/teammates/{memberId}/intercom-admin", new { email = (string?)null }, Token);

        mapped.StatusCode.ShouldBe(HttpStatusCode.OK, await mapped.Content.ReadAsStringAsync(Token));
        (await mapped.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("intercomAdminEmail").GetString().ShouldBe(unseated.Email);
        seat.GetProperty("canSend").GetBoolean().ShouldBeFalse();
        seat.GetProperty("reason").GetString()!.ShouldContain("has no inbox seat");
        byMember.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        badEmail.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        nobody.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await cleared.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("intercomAdminEmail").ValueKind.ShouldBe(JsonValueKind.Null);
        (await hub.Store.Team.FindTeammateAsync(memberId, Token))!.IntercomAdminEmail.ShouldBeNull();
    }
}
