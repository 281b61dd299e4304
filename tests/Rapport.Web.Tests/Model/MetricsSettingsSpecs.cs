namespace Rapport.Web.Tests.Model;

/// <summary>Settings → Metrics: a bad document is refused whole, each problem naming its definition, and nothing changes.</summary>
public sealed class MetricsSettingsSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A hub whose definitions (version 1) are saved and computed, its company's traits and events known.</summary>
    private static async Task<ModelHub> SavedAsync()
    {
        var model = await ModelHub.StartAsync();
        await model.SetTraitsAsync(("mrr", 120L), ("trial_ends_at", 0L), ("price_note", "call us"));
        await model.TrackAsync("slack-connected", 1);
        await model.TrackAsync("created-report", 2);
        (await AccountModelSpecs.PutAsync(model.Api, AccountModelSpecs.Definitions)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return model;
    }

    private static async Task ShouldBeUnchangedAsync(ModelHub model, JsonElement before)
    {
        var document = await model.Api.GetFromJsonAsync<JsonElement>("/api/v1/model", Token);
        document.GetProperty("version").GetInt32().ShouldBe(1, "nothing was saved");
        var state = await model.AccountModelAsync();
        state.GetProperty("computedAt").GetString().ShouldBe(before.GetProperty("computedAt").GetString(), "existing values are untouched");
        state.GetProperty("mrr").GetDecimal().ShouldBe(120m);
    }

    [Fact]
    public async Task A_document_with_an_unknown_event_and_a_cyclic_rule_is_refused_on_the_page_with_every_problem_named()
    {
        var model = await SavedAsync();
        await using var _ = model.Hub;
        var before = await model.AccountModelAsync();
        var browser = await model.Hub.SignedInAsync();
        (await browser.GetStringAsync("/settings", Token)).ShouldContain("href=\"/settings/metrics\"");
        const string Bad =
            """
            {
              "elements": [ { "name": "Slack", "add": ["slack-installed"] } ],
              "indicators": [
                { "name": "A", "kind": "risk", "rule": "indicators.B = true" },
                { "name": "B", "kind": "opportunity", "rule": "indicators.A = true" } ]
            }
            """;

        var response = await WebHub.PostFormAsync(browser, "/settings/metrics", new() { ["document"] = Bad });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
        page.ShouldContain("Not saved: 2 problems");
        page.ShouldContain("<strong>Element 'Slack'</strong>: unknown event 'slack-installed'");
        page.ShouldMatch("<strong>Indicator '[AB]'</strong>: it depends on itself: ");
        page.ShouldContain("slack-installed", customMessage: "the text stays as typed, to be fixed");
        await ShouldBeUnchangedAsync(model, before);
    }

    [Fact]
    public async Task An_MRR_trait_holding_text_is_refused_naming_MRR_and_an_account_and_the_API_lists_the_problems()
    {
        var model = await SavedAsync();
        await using var _ = model.Hub;
        var before = await model.AccountModelAsync();
        var document = AccountModelSpecs.Definitions.Replace("intercom.mrr", "intercom.price_note", StringComparison.Ordinal);

        var response = await AccountModelSpecs.PutAsync(model.Api, document);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        var listed = problem.GetProperty("problems").EnumerateArray().Single();
        listed.GetProperty("definition").GetString().ShouldBe("MRR");
        listed.GetProperty("message").GetString().ShouldBe($"trait intercom.price_note is \"call us\", not a number (account {model.AccountId})");
        await ShouldBeUnchangedAsync(model, before);
        var member = await model.Hub.TokenClientAsync(TeamRole.TeamMember);
        (await AccountModelSpecs.PutAsync(member, AccountModelSpecs.Definitions)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Definitions_the_push_would_write_onto_one_Intercom_attribute_are_refused_on_the_page_and_by_the_API_and_nothing_changes()
    {
        var model = await SavedAsync();
        await using var _ = model.Hub;
        var before = await model.AccountModelAsync();
        var browser = await model.Hub.SignedInAsync();
        var elementLikeTheMetric = AccountModelSpecs.Definitions.Replace("\"name\": \"Slack\"", "\"name\": \"reports\"", StringComparison.Ordinal);
        var elementLikeTheType = AccountModelSpecs.Definitions.Replace("\"name\": \"Slack\"", "\"name\": \"Type\"", StringComparison.Ordinal);

        var page = await WebHub.PostFormAsync(browser, "/settings/metrics", new() { ["document"] = elementLikeTheMetric });
        var api = await AccountModelSpecs.PutAsync(model.Api, elementLikeTheType);

        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Token));
        html.ShouldContain("Not saved: one problem");
        html.ShouldContain("<strong>Metric 'Reports'</strong>: element 'reports' would be pushed to the same Intercom attribute, 'Reports' after the prefix, one value overwriting the other; rename one");
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var listed = (await api.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("problems").EnumerateArray().Single();
        listed.GetProperty("definition").GetString().ShouldBe("Element 'Type'");
        listed.GetProperty("message").GetString().ShouldBe("it would be pushed to Intercom as 'Type' after the prefix, the attribute that holds the account's type; rename it");
        await ShouldBeUnchangedAsync(model, before);
        var document = await model.Api.GetFromJsonAsync<JsonElement>("/api/v1/model", Token);
        document.GetProperty("definitions").GetProperty("elements")[0].GetProperty("name").GetString().ShouldBe("Slack", "the stored definitions are the ones saved before");
    }
}
