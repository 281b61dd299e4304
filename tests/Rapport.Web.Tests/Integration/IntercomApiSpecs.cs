namespace Rapport.Web.Tests.Integration;

public sealed class IntercomApiSpecs
{
    private const string Path = "/api/v1/integrations/intercom";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_team_member_token_gets_403_on_the_integration()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var member = await hub.TokenClientAsync(TeamRole.TeamMember);

        var read = await member.GetAsync(Path, Cancel);
        var write = await member.PutAsJsonAsync(Path, new { importUsersAndCompanies = false }, Cancel);

        read.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Enabling_event_import_without_user_and_company_import_is_a_400_that_names_the_rule()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var api = await hub.TokenClientAsync(TeamRole.Leader);
        await hub.ConnectWithTokenAsync(api);

        var response = await api.PutAsJsonAsync(Path, new { importUsersAndCompanies = false, importEvents = true }, Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("detail").GetString().ShouldBe(
            "Import event data needs Import users and companies: without it Rapport cannot tell which user an event belongs to.");
        (await hub.Store.SyncState.GetSyncStateAsync("intercom.settings", Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task The_connection_is_described_but_its_token_never_comes_back()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var api = await hub.TokenClientAsync(TeamRole.Admin);
        await hub.ConnectWithTokenAsync(api);

        var body = await api.GetStringAsync(Path, Cancel);
        var status = JsonDocument.Parse(body).RootElement;

        status.GetProperty("connection").GetProperty("workspaceName").GetString().ShouldBe("Rapport Simulator");
        status.GetProperty("connection").GetProperty("appId").GetString().ShouldBe(hub.Simulator.Workspace.AppId);
        status.GetProperty("connection").GetProperty("method").GetString().ShouldBe("token");
        body.ShouldNotContain(hub.Simulator.Options.AccessToken);
        (await hub.Store.SyncState.GetSyncStateAsync("intercom.connection", Cancel))!.ShouldNotContain(hub.Simulator.Options.AccessToken);
    }

    [Fact]
    public async Task Enabling_user_and_company_import_with_ids_missing_is_a_409_carrying_the_checks_findings_and_the_csv_lists_them_with_links()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var api = await hub.TokenClientAsync(TeamRole.Admin);
        await hub.ConnectWithTokenAsync(api);
        hub.RemoveSomeIds();
        var companiesWithoutId = hub.Simulator.Workspace.Companies.Where(c => string.IsNullOrEmpty(c.CompanyId)).Select(c => c.Id).ToList();

        var refused = await api.PutAsJsonAsync(Path, new { importUsersAndCompanies = true }, Cancel);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var csv = await api.GetStringAsync(Path + "/check.csv", Cancel);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain($"found {companiesWithoutId.Count} companies without company_id");
        var listed = problem.GetProperty("check").GetProperty("companiesWithoutCompanyId").EnumerateArray().ToList();
        listed.Select(c => c.GetProperty("intercomId").GetString()).ShouldBe(companiesWithoutId, ignoreOrder: true);
        listed[0].GetProperty("link").GetString().ShouldBe($"https://app.intercom.com/a/apps/{hub.Simulator.Workspace.AppId}/companies/{listed[0].GetProperty("intercomId").GetString()}");
        lines[0].ShouldBe("kind,intercom_id,name,email,link");
        lines.Count(l => l.StartsWith("company,", StringComparison.Ordinal)).ShouldBe(companiesWithoutId.Count);
        lines.Where(l => l.StartsWith("user,", StringComparison.Ordinal)).ShouldAllBe(l => l.EndsWith("/all-conversations", StringComparison.Ordinal));
        (await api.GetFromJsonAsync<JsonElement>(Path, Cancel)).GetProperty("settings").GetProperty("importUsersAndCompanies").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task The_preview_counts_exactly_the_companies_a_sync_then_brings_in()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var api = await hub.TokenClientAsync(TeamRole.Admin);
        await hub.ConnectWithTokenAsync(api);
        const string rule = "monthly_spend > 50";

        var preview = await (await api.PostAsJsonAsync(Path + "/preview", new { qualification = rule, lastSeenDays = 90 }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var saved = await api.PutAsJsonAsync(Path, new { importUsersAndCompanies = true, onlyWithIds = true, qualification = rule, lastSeenDays = 90 }, Cancel);
        var started = await api.PostAsync(Path + "/sync", null, Cancel);
        var finished = await WaitForSyncAsync(api);
        var counts = await hub.Store.Browse.CountAsync(Cancel);

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Cancel));
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        finished.GetProperty("state").GetString().ShouldBe("completed", finished.ToString());
        var qualified = preview.GetProperty("qualified").GetInt32();
        qualified.ShouldBeGreaterThan(0);
        qualified.ShouldBeLessThan(preview.GetProperty("companiesRead").GetInt32());
        finished.GetProperty("summary").GetProperty("companies").GetProperty("qualified").GetInt32().ShouldBe(qualified);
        counts.ActiveAccounts.ShouldBe(qualified);
        counts.ActiveUsers.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_sync_while_user_and_company_import_is_off_imports_conversations_only()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var api = await hub.TokenClientAsync(TeamRole.Admin);
        await hub.ConnectWithTokenAsync(api);

        var response = await api.PostAsync(Path + "/sync", null, Cancel);
        var finished = await WaitForSyncAsync(api);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        finished.GetProperty("state").GetString().ShouldBe("completed");
        finished.GetProperty("summary").ValueKind.ShouldBe(JsonValueKind.Null, "no company or user is imported");
        finished.GetProperty("conversations").GetProperty("seen").GetInt32().ShouldBeGreaterThan(0);
        (await hub.Store.Browse.CountAsync(Cancel)).ActiveAccounts.ShouldBe(0);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_integration_endpoints()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var api = await hub.TokenClientAsync(TeamRole.Admin);

        var document = await api.GetStringAsync("/openapi/v1.json", Cancel);

        document.ShouldContain("\"/api/v1/integrations/intercom/preview\"");
        document.ShouldContain("\"/api/v1/integrations/intercom/check.csv\"");
        document.ShouldContain("\"/api/v1/integrations/intercom/status\"");
        document.ShouldContain("\"/api/v1/integrations/intercom/sweep\"");
        document.ShouldContain("Intercom integration");
    }

    internal static async Task<JsonElement> WaitForSyncAsync(HttpClient api)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var status = await api.GetFromJsonAsync<JsonElement>(Path + "/sync", Cancel);
            if (status.GetProperty("state").GetString() != "running")
                return status;
            await Task.Delay(100, Cancel);
        }
        throw new TimeoutException("the sync did not finish within a minute");
    }
}
