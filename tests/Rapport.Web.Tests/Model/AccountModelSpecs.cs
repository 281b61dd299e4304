using System.Text;

namespace Rapport.Web.Tests.Model;

/// <summary>The account model end to end: definitions saved through the API, traits and events delivered by webhook.</summary>
public sealed class AccountModelSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    internal const string Definitions =
        """
        {
          "mrr": { "trait": "intercom.mrr", "currency": "USD" },
          "type": { "trialEndTrait": "intercom.trial_ends_at" },
          "elements": [ { "name": "Slack", "add": ["slack-connected"] } ],
          "metrics": [ { "name": "Reports", "numerator": { "events": "created-report" }, "windowDays": 30, "createdAt": "2020-01-01" } ],
          "indicators": [ { "name": "Churn Risk", "kind": "risk", "rule": "metrics.Reports < 2" } ],
          "segments": [ { "name": "Big spenders", "rule": "mrr >= 100" } ],
          "healthScores": [ { "name": "Engagement", "whenMissing": "skip",
            "conditions": [ { "name": "Reports", "healthy": "metrics.Reports >= 2", "concerning": "metrics.Reports >= 1" } ] } ]
        }
        """;

    internal static async Task<HttpResponseMessage> PutAsync(HttpClient api, string document) =>
        await api.PutAsync("/api/v1/model", new StringContent(document, Encoding.UTF8, "application/json"), Token);

    private static string[] Names(JsonElement list) => [.. list.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task Events_and_trait_changes_from_Intercom_move_the_accounts_type_elements_metrics_indicators_segments_and_health()
    {
        var model = await ModelHub.StartAsync();
        await using var _ = model.Hub;
        var trialEnds = TimeProvider.System.GetUtcNow().AddDays(10).ToUnixTimeSeconds();
        await model.SetTraitsAsync(("mrr", 120L), ("trial_ends_at", trialEnds));
        await model.TrackAsync("slack-connected", 1);
        await model.TrackAsync("created-report", 2);

        var saved = await PutAsync(model.Api, Definitions);

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Token));
        var state = await model.AccountModelAsync();
        state.GetProperty("type").GetString().ShouldBe("trial");
        (state.GetProperty("mrr").GetDecimal(), state.GetProperty("currency").GetString()).ShouldBe((120m, "USD"));
        state.GetProperty("elements").GetProperty("Slack").GetInt64().ShouldBe(1);
        state.GetProperty("metrics").GetProperty("Reports").GetDecimal().ShouldBe(1m);
        var churnRisk = state.GetProperty("indicators").EnumerateArray().Single();
        (churnRisk.GetProperty("name").GetString(), churnRisk.GetProperty("active").GetBoolean()).ShouldBe(("Churn Risk", true));
        Names(state.GetProperty("segments")).ShouldBe(["Big spenders"]);
        state.GetProperty("healthScores").GetProperty("Engagement").GetDecimal().ShouldBe(5m, "one report is concerning");

        await model.TrackAsync("created-report", 3);
        await model.SetTraitsAsync(("mrr", 80L), ("trial_ends_at", TimeProvider.System.GetUtcNow().AddDays(-1).ToUnixTimeSeconds()));

        state = await model.EventuallyAsync(
            s => s.GetProperty("type").GetString() == "subscribed" && s.GetProperty("metrics").GetProperty("Reports").GetDecimal() == 2m,
            "the second report and the ended trial are computed");
        state.GetProperty("indicators").EnumerateArray().Single().GetProperty("active").GetBoolean().ShouldBeFalse("two reports are no churn risk");
        Names(state.GetProperty("segments")).ShouldBeEmpty("MRR 80 is below the segment's 100");
        state.GetProperty("healthScores").GetProperty("Engagement").GetDecimal().ShouldBe(10m);
        state.GetProperty("health").GetDecimal().ShouldBe(10m);
        var page = await (await model.Hub.SignedInAsync()).GetStringAsync($"/accounts/{model.AccountId}", Token);
        page.ShouldContain("data-testid=\"model-type\">subscribed<");
        page.ShouldContain("data-testid=\"model-mrr\">80 USD<");
        page.ShouldContain("data-testid=\"model-metric\" data-name=\"Reports\">2<");
        page.ShouldContain("data-testid=\"model-element\" data-name=\"Slack\">1<");
    }

    [Fact]
    public async Task The_model_document_is_read_and_written_through_the_API_and_listed_in_the_OpenAPI_document()
    {
        var model = await ModelHub.StartAsync();
        await using var _ = model.Hub;
        await model.SetTraitsAsync(("mrr", 120L), ("trial_ends_at", 0L));
        await model.TrackAsync("slack-connected", 1);
        await model.TrackAsync("created-report", 2);
        (await model.Api.GetFromJsonAsync<JsonElement>("/api/v1/model", Token)).GetProperty("version").ValueKind.ShouldBe(JsonValueKind.Null);

        (await PutAsync(model.Api, Definitions)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var document = await model.Api.GetFromJsonAsync<JsonElement>("/api/v1/model", Token);
        document.GetProperty("version").GetInt32().ShouldBe(1);
        document.GetProperty("savedBy").GetString().ShouldNotBeNull().ShouldContain(WebHub.AdminEmail);
        document.GetProperty("definitions").GetProperty("metrics")[0].GetProperty("name").GetString().ShouldBe("Reports");
        var openApi = await model.Api.GetStringAsync("/openapi/v1.json", Token);
        openApi.ShouldContain("\"/api/v1/model\"");
        openApi.ShouldContain("\"/api/v1/accounts/{id}/model\"");
    }
}
