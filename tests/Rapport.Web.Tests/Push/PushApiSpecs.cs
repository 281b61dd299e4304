using Rapport.Web.Tests.Integration;

namespace Rapport.Web.Tests.Push;

/// <summary>The push through the REST API and by its own triggers, against a simulator-backed hub synced once.</summary>
public sealed class PushApiSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Turning_the_push_on_needs_the_import_option_and_a_bad_prefix_is_refused_naming_it()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var api = await hub.TokenClientAsync(TeamRole.Admin);

        var enable = await api.PutAsJsonAsync(WebHub.PushApi, new { enabled = true }, Token);
        var badPrefix = await api.PutAsJsonAsync(WebHub.PushApi, new { prefix = "Rapport!", monthlySpend = true }, Token);

        enable.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await enable.Content.ReadAsStringAsync(Token)).ShouldContain("needs Import users and companies");
        badPrefix.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badPrefix.Content.ReadAsStringAsync(Token)).ShouldContain("prefix");
        var settings = (await api.GetFromJsonAsync<JsonElement>(WebHub.PushApi, Token)).GetProperty("settings");
        settings.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        settings.GetProperty("prefix").GetString().ShouldBe("Rapport");
    }

    [Fact]
    public async Task A_dry_run_lists_old_and_new_values_and_writes_nothing_then_push_now_writes_them()
    {
        await using var synced = await SyncedHub.StartAsync(Token);
        var (hub, api) = (synced.Hub, synced.Api);
        (hub.PushJob.Debounce, hub.PushJob.MaxWait) = (TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        var company = synced.ImportedCompany();
        await hub.SaveStateAsync(company.CompanyId!, 250m, "trial", null, Token);
        (await api.PutAsJsonAsync(WebHub.PushApi, new { enabled = true, prefix = "Vitally", monthlySpend = true, scheduleMinutes = 0 }, Token)).EnsureSuccessStatusCode();
        hub.Simulator.Stats.Reset();

        var preview = await api.PostAsync(WebHub.PushApi + "/run?dryRun=true", null, Token);

        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await preview.Content.ReadFromJsonAsync<JsonElement>(Token);
        var change = report.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("label").GetString() == company.CompanyId);
        change.GetProperty("values").EnumerateArray().Select(v => $"{v.GetProperty("name").GetString()}: {v.GetProperty("old").GetString()} → {v.GetProperty("new").GetString()}")
            .ShouldContain("Vitally Type: (none) → \"trial\"");
        hub.Simulator.Stats.RequestsTo("PUT /companies/{company_id}").ShouldBe(0);

        var run = await WebHub.PushNowAsync(api, Token);

        run.GetProperty("status").GetString().ShouldBe("completed");
        run.GetProperty("companiesUpdated").GetInt32().ShouldBe(1);
        var pushed = hub.Simulator.Workspace.FindCompany(company.Id).ShouldNotBeNull();
        pushed.CustomAttributes["Vitally Type"].ShouldBe("trial");
        pushed.CustomAttributes["Vitally Weekly Logins"].ShouldBe(5L);
        pushed.MonthlySpend.ShouldBe(250);
        hub.Simulator.Stats.CompaniesCreated.ShouldBe(0);
        hub.Simulator.Stats.ContactsCreated.ShouldBe(0);
    }

    [Fact]
    public async Task The_push_follows_a_recompute_by_itself_once_the_states_settle()
    {
        await using var synced = await SyncedHub.StartAsync(Token);
        var (hub, api) = (synced.Hub, synced.Api);
        hub.PushJob.Debounce = TimeSpan.FromMilliseconds(500);
        hub.PushJob.PollInterval = TimeSpan.FromMilliseconds(200);
        (await api.PutAsJsonAsync(WebHub.PushApi, new { enabled = true, prefix = "Rapport", monthlySpend = false, scheduleMinutes = 0 }, Token)).EnsureSuccessStatusCode();
        var company = synced.ImportedCompany();
        var owner = (await hub.Store.Browse.FindAccountAsync(company.CompanyId!, Token)).ShouldNotBeNull().UserExternalIds[0];

        await hub.SaveStateAsync(company.CompanyId!, 90m, "subscribed", owner, Token);

        await WebHub.EventuallyAsync(() => Task.FromResult(
            hub.Simulator.Workspace.FindContactByExternalId(owner)!.CustomAttributes.GetValueOrDefault("Rapport Account Owner") is true),
            "the owner got the flag without anyone pressing Push now");
        hub.Simulator.Workspace.FindCompany(company.Id)!.CustomAttributes["Rapport Type"].ShouldBe("subscribed");
        hub.Simulator.Stats.CompaniesCreated.ShouldBe(0);
        hub.Simulator.Stats.ContactsCreated.ShouldBe(0);
    }

    [Fact]
    public async Task While_states_keep_changing_the_push_waits_no_longer_than_its_maximum()
    {
        await using var synced = await SyncedHub.StartAsync(Token);
        var (hub, api) = (synced.Hub, synced.Api);
        (hub.PushJob.Debounce, hub.PushJob.MaxWait, hub.PushJob.PollInterval) = (TimeSpan.FromHours(1), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(200));
        (await api.PutAsJsonAsync(WebHub.PushApi, new { enabled = true, prefix = "Rapport", monthlySpend = true, scheduleMinutes = 0 }, Token)).EnsureSuccessStatusCode();
        var company = synced.ImportedCompany();
        var mrr = 100m;

        // A busy workspace: the account is recomputed again and again, so the states never settle.
        await WebHub.EventuallyAsync(async () =>
        {
            await hub.SaveStateAsync(company.CompanyId!, mrr++, "trial", null, Token);
            await Task.Delay(100, Token);
            return hub.Simulator.Workspace.FindCompany(company.Id)!.CustomAttributes.ContainsKey("Rapport Type");
        }, "the push ran although the states never settled");
        hub.Simulator.Stats.CompaniesCreated.ShouldBe(0);
    }

    [Fact]
    public async Task Team_members_cannot_change_or_run_the_push()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var member = await hub.TokenClientAsync(TeamRole.TeamMember);

        (await member.GetAsync(WebHub.PushApi, Token)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PostAsync(WebHub.PushApi + "/run?dryRun=true", null, Token)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_push_operations()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var api = await hub.TokenClientAsync(TeamRole.Admin);

        var document = await api.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Token);

        var paths = document.GetProperty("paths");
        paths.GetProperty(WebHub.PushApi).TryGetProperty("put", out _).ShouldBeTrue();
        paths.GetProperty(WebHub.PushApi + "/run").GetProperty("post").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ShouldContain("dryRun");
        paths.GetProperty(WebHub.PushApi + "/status").TryGetProperty("get", out _).ShouldBeTrue();
    }
}
