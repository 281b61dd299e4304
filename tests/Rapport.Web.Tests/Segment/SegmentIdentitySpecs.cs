using Rapport.Application.Import;

namespace Rapport.Web.Tests.Segment;

/// <summary>One identity across Intercom and Segment, the duplicate report, and merges that undo exactly.</summary>
public sealed class SegmentIdentitySpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A hub whose simulator has every company seen yesterday, so each one with a company_id is imported.</summary>
    private static async Task<WebHub> HubAsync()
    {
        var hub = await WebHub.StartAsync(cancellationToken: Token);
        foreach (var company in hub.Simulator.Workspace.Companies)
            hub.Simulator.Workspace.UpdateCompany(company.Id, c => c.LastRequestAt = TimeProvider.System.GetUtcNow().AddDays(-1));
        return hub;
    }

    private static async Task SendAsync(WebHub hub, string path, string json)
    {
        var response = await WebHub.SendSegmentAsync(await hub.SegmentClientAsync(), path, json);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task A_Segment_group_later_imported_from_Intercom_with_the_same_company_id_is_one_account_with_two_links()
    {
        await using var hub = await HubAsync();
        var company = hub.Simulator.Workspace.Companies.First(c => c.CompanyId is not null);
        await SendAsync(hub, "/v1/group", $$"""{"userId":"seg-user","groupId":"{{company.CompanyId}}","traits":{"name":"From Segment","mrr":4200} }""");
        await hub.SegmentAppliedAsync(1);

        await hub.ImportAsync(new ImportOptions { OnlyWithIds = true }, Token);

        var account = (await hub.Store.Browse.FindAccountAsync(company.CompanyId!, Token)).ShouldNotBeNull();
        account.Sources.Select(s => s.Source).Order().ShouldBe(["intercom", "segment"]);
        account.Sources.Single(s => s.Source == "segment").CustomAttributesJson.ShouldContain("\"mrr\":4200");
        var page = await (await hub.SignedInAsync()).GetStringAsync($"/accounts/{account.Id.Value}", Token);
        page.ShouldContain("data-source=\"intercom\"");
        page.ShouldContain("data-source=\"segment\"");
        page.ShouldContain("4200", customMessage: "the Segment traits are shown by source");
    }

    [Fact]
    public async Task Source_precedence_decides_each_unified_field_and_an_import_does_not_undo_it()
    {
        await using var hub = await HubAsync();
        var company = hub.Simulator.Workspace.Companies.First(c => c.CompanyId is not null && c.Name is not null);
        hub.Simulator.Workspace.UpdateCompany(company.Id, c => c.Industry = null);
        await hub.ImportAsync(new ImportOptions { OnlyWithIds = true }, Token);
        await SendAsync(hub, "/v1/group", $$"""{"userId":"seg-user","groupId":"{{company.CompanyId}}","traits":{"name":"Acme (Segment)","industry":"Robotics"} }""");
        await hub.SegmentAppliedAsync(1);
        var api = await hub.TokenClientAsync(TeamRole.Admin);
        var id = (await hub.Store.Browse.FindAccountAsync(company.CompanyId!, Token)).ShouldNotBeNull().Id.Value;
        (await hub.Store.Browse.FindAccountAsync(company.CompanyId!, Token))!.Name.ShouldBe(company.Name, "Intercom ranks first by default: a group call does not rename");

        var saved = await api.PutAsJsonAsync("/api/v1/sources/precedence", new { name = new[] { "segment", "intercom" } }, Token);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Token));
        await hub.ImportAsync(new ImportOptions { OnlyWithIds = true }, Token);

        (await hub.Store.Browse.FindAccountAsync(company.CompanyId!, Token))!.Name.ShouldBe("Acme (Segment)");
        var unified = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{id}", Token)).GetProperty("unified").EnumerateArray()
            .ToDictionary(f => f.GetProperty("field").GetString()!, f => (Value: f.GetProperty("value").GetString(), Source: f.GetProperty("source").GetString()));
        unified["name"].ShouldBe(("Acme (Segment)", "segment"));
        unified["industry"].ShouldBe(("Robotics", "segment"), "industry keeps Intercom first and falls back to Segment's, Intercom having none");
        var page = await (await hub.SignedInAsync()).GetStringAsync($"/accounts/{id}", Token);
        page.ShouldContain("data-field=\"name\" data-from=\"segment\"");
        (await api.PutAsJsonAsync("/api/v1/sources/precedence", new { name = new[] { "stripe" } }, Token)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Different_ids_for_one_company_make_two_accounts_that_the_duplicate_report_pairs_with_evidence()
    {
        await using var hub = await HubAsync();
        await hub.ImportAsync(new ImportOptions { OnlyWithIds = true }, Token);
        var company = hub.Simulator.Workspace.Companies.First(c => c.CompanyId is not null && c.Name is not null);
        await SendAsync(hub, "/v1/group", $$"""{"userId":"seg-user","groupId":"grp-other-id","traits":{"name":"{{company.Name}}"} }""");
        await hub.SegmentAppliedAsync(1);
        var api = await hub.TokenClientAsync(TeamRole.Admin);

        var report = await api.GetFromJsonAsync<JsonElement>("/api/v1/duplicates", Token);

        var pair = report.EnumerateArray().Single(d => d.GetProperty("second").GetProperty("externalId").GetString() == "grp-other-id"
            || d.GetProperty("first").GetProperty("externalId").GetString() == "grp-other-id");
        pair.GetProperty("rule").GetString().ShouldBe("unmatched-company-id");
        pair.GetProperty("kind").GetString().ShouldBe("account", "as a merge request names it");
        pair.GetProperty("evidence").GetString()!.ShouldContain(company.CompanyId!);
        pair.GetProperty("evidence").GetString()!.ShouldContain("grp-other-id");
        (await hub.Store.Browse.FindAccountAsync(company.CompanyId!, Token)).ShouldNotBeNull();
        (await hub.Store.Browse.FindAccountAsync("grp-other-id", Token)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_merge_moves_links_memberships_and_events_and_undo_restores_exactly_the_prior_state()
    {
        await using var hub = await HubAsync();
        await hub.ImportAsync(new ImportOptions { OnlyWithIds = true }, Token);
        var company = hub.Simulator.Workspace.Companies.First(c => c.CompanyId is not null && c.Name is not null);
        await SendAsync(hub, "/v1/group", $$"""{"userId":"seg-user","groupId":"grp-other-id","traits":{"name":"{{company.Name}}"} }""");
        await SendAsync(hub, "/v1/track", """{"userId":"seg-user","event":"Invoice Paid","context":{"groupId":"grp-other-id"},"timestamp":"2026-11-20T10:00:00Z","messageId":"m-1"}""");
        await hub.SegmentAppliedAsync(2);
        var kept = (await hub.Store.Browse.FindAccountAsync(company.CompanyId!, Token)).ShouldNotBeNull();
        var merged = (await hub.Store.Browse.FindAccountAsync("grp-other-id", Token)).ShouldNotBeNull();
        var before = await hub.Store.Browse.ExportSnapshotAsync(Token);
        var api = await hub.TokenClientAsync(TeamRole.Admin);

        var response = await api.PostAsJsonAsync("/api/v1/merges", new { kind = "account", keepId = kept.Id.Value, mergeId = merged.Id.Value, evidence = "same name" }, Token);
        var merge = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, merge.ToString());

        var after = (await hub.Store.Browse.FindAccountAsync(company.CompanyId!, Token)).ShouldNotBeNull();
        after.Sources.Select(s => s.Source).Order().ShouldBe(["intercom", "segment"]);
        after.UserExternalIds.ShouldContain("seg-user");
        (await hub.Store.Browse.FindAccountAsync("grp-other-id", Token)).ShouldNotBeNull().StatusReason.ShouldBe($"merged into {company.CompanyId}");
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/merges", Token)).GetArrayLength().ShouldBe(1, "the merge is recorded");

        var undo = await api.PostAsync($"/api/v1/merges/{merge.GetProperty("id").GetInt64()}/undo", null, Token);
        undo.StatusCode.ShouldBe(HttpStatusCode.OK, await undo.Content.ReadAsStringAsync(Token));

        (await hub.Store.Browse.ExportSnapshotAsync(Token)).ShouldBe(before);
        (await api.PostAsync($"/api/v1/merges/{merge.GetProperty("id").GetInt64()}/undo", null, Token)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Two_users_with_one_email_are_reported_and_their_merge_undoes_exactly()
    {
        await using var hub = await HubAsync();
        await hub.ImportAsync(new ImportOptions { OnlyWithIds = true }, Token);
        var imported = (await hub.Store.Browse.FindAccountAsync(hub.Simulator.Workspace.Companies.First(c => c.CompanyId is not null).CompanyId!, Token)).ShouldNotBeNull();
        var intercomUser = (await hub.Store.Browse.FindUserAsync(imported.UserExternalIds[0], Token)).ShouldNotBeNull();
        await SendAsync(hub, "/v1/identify", $$"""{"userId":"seg-twin","traits":{"email":"{{intercomUser.Email}}"} }""");
        await SendAsync(hub, "/v1/group", $$"""{"userId":"seg-twin","groupId":"{{imported.ExternalId}}"}""");
        await hub.SegmentAppliedAsync(2);
        var twin = (await hub.Store.Browse.FindUserAsync("seg-twin", Token)).ShouldNotBeNull();
        var api = await hub.TokenClientAsync(TeamRole.Admin);

        var report = await api.GetFromJsonAsync<JsonElement>("/api/v1/duplicates", Token);
        report.EnumerateArray().ShouldContain(d => d.GetProperty("rule").GetString() == "same-email" && d.GetProperty("second").GetProperty("id").GetInt64() == twin.Id.Value);

        var before = await hub.Store.Browse.ExportSnapshotAsync(Token);
        var merge = await (await api.PostAsJsonAsync("/api/v1/merges", new { kind = "user", keepId = intercomUser.Id.Value, mergeId = twin.Id.Value }, Token))
            .Content.ReadFromJsonAsync<JsonElement>(Token);
        (await hub.Store.Browse.FindUserAsync("seg-twin", Token)).ShouldNotBeNull().Status.ShouldBe(Hub.Accounts.RecordStatus.Inactive);
        (await api.PostAsync($"/api/v1/merges/{merge.GetProperty("id").GetInt64()}/undo", null, Token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await hub.Store.Browse.ExportSnapshotAsync(Token)).ShouldBe(before);
    }
}
