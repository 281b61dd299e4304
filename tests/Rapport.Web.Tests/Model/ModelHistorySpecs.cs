using Rapport.Hub.Model;

namespace Rapport.Web.Tests.Model;

/// <summary>An account's model values over time, and definitions renamed or deleted: the account page, Settings → Metrics and the API.</summary>
public sealed class ModelHistorySpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Version 2 of <see cref="AccountModelSpecs.Definitions"/>: the metric renamed, the segment deleted.</summary>
    private static readonly string Renamed = AccountModelSpecs.Definitions
        .Replace("\"name\": \"Reports\", \"numerator\"", "\"name\": \"Report count\", \"renamedFrom\": [\"Reports\"], \"numerator\"", StringComparison.Ordinal)
        .Replace("metrics.Reports", "\\\"metrics.Report count\\\"", StringComparison.Ordinal)
        .Replace("\"segments\": [ { \"name\": \"Big spenders\", \"rule\": \"mrr >= 100\" } ],", "", StringComparison.Ordinal);

    private static JsonElement SeriesOf(JsonElement history, string kind, string name) =>
        history.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == kind && s.GetProperty("name").GetString() == name);

    [Fact]
    public async Task A_renamed_metric_keeps_its_history_and_what_a_version_dropped_is_listed_for_the_push()
    {
        // Arrange: version 1 computed, then three earlier days as the daily recomputes would have left them.
        var model = await ModelHub.StartAsync();
        await using var _ = model.Hub;
        await model.SetTraitsAsync(("mrr", 120L), ("trial_ends_at", 0L));
        await model.TrackAsync("slack-connected", 1);
        await model.TrackAsync("created-report", 2);
        (await AccountModelSpecs.PutAsync(model.Api, AccountModelSpecs.Definitions)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var now = TimeProvider.System.GetUtcNow();
        var state = (await model.Hub.Store.Model.GetAccountStatesAsync([model.AccountId], Token))[model.AccountId];
        for (var daysAgo = 3; daysAgo >= 1; daysAgo--)
        {
            var past = state with { ComputedAt = now.AddDays(-daysAgo), Metrics = new Dictionary<string, decimal?> { ["Reports"] = 4 - daysAgo }, OverallHealth = 10 - daysAgo };
            await model.Hub.Store.Model.SaveAccountStatesAsync([past], 1, Token);
        }

        // Act
        var saved = await AccountModelSpecs.PutAsync(model.Api, Renamed);

        // Assert: the history API
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Token));
        var history = await model.Api.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{model.AccountId}/model/history?days=90", Token);
        var reports = SeriesOf(history, "metric", "Report count");
        reports.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetDecimal()).ShouldBe([1m, 2m, 3m, 1m],
            "the three days before the rename, under the new name, then today's");
        (reports.GetProperty("latest").GetDecimal(), reports.GetProperty("min").GetDecimal(), reports.GetProperty("max").GetDecimal()).ShouldBe((1m, 1m, 3m));
        history.GetProperty("series").EnumerateArray().ShouldNotContain(s => s.GetProperty("name").GetString() == "Reports");
        SeriesOf(history, "health", "Overall health").GetProperty("points").GetArrayLength().ShouldBe(4);
        (await model.Api.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{model.AccountId}/model/history?days=2", Token))
            .GetProperty("series").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Report count")
            .GetProperty("points").GetArrayLength().ShouldBe(2, "yesterday and today");
        var bad = await model.Api.GetAsync($"/api/v1/accounts/{model.AccountId}/model/history?days=0", Token);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync(Token)).ShouldContain("days must be 1 to 3660");

        // Assert: the retired definitions, for the push
        var retired = await model.Api.GetFromJsonAsync<JsonElement>("/api/v1/model/retired", Token);
        retired.EnumerateArray().Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("name").GetString(),
                r.GetProperty("renamedTo").GetString(), r.GetProperty("definitionsVersion").GetInt32()))
            .ShouldBe([("metric", "Reports", "Report count", 2), ("segment", "Big spenders", null, 2)]);
        (await model.Api.GetFromJsonAsync<JsonElement>("/api/v1/model/retired?after_version=2", Token)).GetArrayLength().ShouldBe(0);

        // Assert: the pages
        var browser = await model.Hub.SignedInAsync();
        var page = await browser.GetStringAsync($"/accounts/{model.AccountId}", Token);
        page.ShouldContain("data-testid=\"history-series\" data-kind=\"metric\" data-name=\"Report count\"");
        page.ShouldContain("<title>Report count: latest 1 on");
        page.ShouldContain("min 1, max 3 over the last 90 days</title>");
        page.ShouldContain("<polyline");
        var settings = await browser.GetStringAsync("/settings/metrics", Token);
        settings.ShouldContain("data-testid=\"retired\" data-kind=\"metric\" data-name=\"Reports\"");
        settings.ShouldContain("renamed to Report count");
        settings.ShouldContain("data-testid=\"retired\" data-kind=\"segment\" data-name=\"Big spenders\"");
        var openApi = await model.Api.GetStringAsync("/openapi/v1.json", Token);
        openApi.ShouldContain("\"/api/v1/accounts/{id}/model/history\"");
        openApi.ShouldContain("\"/api/v1/model/retired\"");
    }

    [Fact]
    public async Task A_chart_with_a_single_day_says_so_and_renaming_onto_a_name_still_defined_is_refused_naming_both()
    {
        // Arrange
        var model = await ModelHub.StartAsync();
        await using var _ = model.Hub;
        await model.SetTraitsAsync(("mrr", 120L), ("trial_ends_at", 0L));
        await model.TrackAsync("slack-connected", 1);
        await model.TrackAsync("created-report", 2);
        (await AccountModelSpecs.PutAsync(model.Api, AccountModelSpecs.Definitions)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Act
        var page = await (await model.Hub.SignedInAsync()).GetStringAsync($"/accounts/{model.AccountId}", Token);
        var refused = await AccountModelSpecs.PutAsync(model.Api, AccountModelSpecs.Definitions.Replace(
            "\"segments\": [ { \"name\": \"Big spenders\",", "\"segments\": [ { \"name\": \"Whales\", \"renamedFrom\": [\"Big spenders\"], \"rule\": \"mrr >= 500\" }, { \"name\": \"Big spenders\",", StringComparison.Ordinal));

        // Assert
        page.ShouldContain("data-testid=\"sparkline-empty\">One day so far<");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync(Token)).ShouldContain("Segment 'Whales': renamedFrom names 'Big spenders', but Segment 'Big spenders' is still defined");
        (await model.Api.GetFromJsonAsync<JsonElement>("/api/v1/model", Token)).GetProperty("version").GetInt32().ShouldBe(1, "nothing saved");
    }
}
