namespace Rapport.Web.Tests.Model;

/// <summary>The accounts list (page and API) filtered and sorted by the account model's values.</summary>
public sealed class AccountsByModelSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<ModelHub> ComputedAsync()
    {
        var model = await ModelHub.StartAsync();
        await model.SetTraitsAsync(("mrr", 987654L), ("trial_ends_at", 0L));
        await model.TrackAsync("slack-connected", 1);
        await model.TrackAsync("created-report", 2);
        (await AccountModelSpecs.PutAsync(model.Api, AccountModelSpecs.Definitions)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return model;
    }

    private static async Task<List<JsonElement>> AllAsync(HttpClient api, string url)
    {
        var items = new List<JsonElement>();
        string? next = url;
        while (next is not null)
        {
            var page = await api.GetFromJsonAsync<JsonElement>(next, Token);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }

        return items;
    }

    private static long[] Ids(IEnumerable<JsonElement> items) => [.. items.Select(i => i.GetProperty("id").GetInt64())];

    [Fact]
    public async Task The_API_filters_by_mrr_segment_indicator_type_and_a_metric_and_pages_every_sort_by_a_metric()
    {
        // Arrange
        var model = await ComputedAsync();
        await using var _ = model.Hub;
        var all = Ids(await AllAsync(model.Api, "/api/v1/accounts?limit=200"));
        var states = await model.Hub.Store.Model.GetAccountStatesAsync(all, Token);
        var withReports = states.Values.Where(s => s.Metrics.GetValueOrDefault("Reports") >= 1).Select(s => s.AccountId.Value).Order().ToArray();

        // Act
        var rich = await AllAsync(model.Api, "/api/v1/accounts?value=mrr%20%3E%3D%20987654");
        var bigSpenders = Ids(await AllAsync(model.Api, "/api/v1/accounts?member_of=big%20spenders"));
        var atRisk = Ids(await AllAsync(model.Api, "/api/v1/accounts?indicator=Churn%20Risk&type=subscribed"));
        var reporting = Ids(await AllAsync(model.Api, "/api/v1/accounts?value=metric:Reports%20%3E%3D%201"));
        var byReports = Ids(await AllAsync(model.Api, "/api/v1/accounts?sort=metric:Reports&dir=desc&limit=3"));
        var byMrr = Ids(await AllAsync(model.Api, "/api/v1/accounts?sort=mrr&dir=desc&limit=4"));

        // Assert
        var account = rich.ShouldHaveSingleItem();
        account.GetProperty("id").GetInt64().ShouldBe(model.AccountId);
        (account.GetProperty("mrr").GetDecimal(), account.GetProperty("currency").GetString(), account.GetProperty("type").GetString())
            .ShouldBe((987654m, "USD", "subscribed"));
        account.GetProperty("health").GetDecimal().ShouldBe(5m, "one report is concerning");
        bigSpenders.ShouldContain(model.AccountId);
        bigSpenders.Order().ToArray().ShouldBe([.. states.Values.Where(s => s.Segments.Contains("Big spenders")).Select(s => s.AccountId.Value).Order()]);
        atRisk.Order().ToArray().ShouldBe([.. states.Values.Where(s => s.Type == Rapport.Hub.Model.AccountType.Subscribed && s.Indicator("Churn Risk")?.Active == true)
            .Select(s => s.AccountId.Value).Order()]);
        reporting.ShouldContain(model.AccountId);
        reporting.Order().ToArray().ShouldBe(withReports);
        byReports.Length.ShouldBe(all.Length, "every account once, with or without the metric");
        byReports.Distinct().Count().ShouldBe(all.Length);
        byReports[..withReports.Length].Order().ToArray().ShouldBe(withReports, "the highest values first");
        byMrr[0].ShouldBe(model.AccountId);
        byMrr.Order().ToArray().ShouldBe([.. all.Order()]);
    }

    [Fact]
    public async Task The_accounts_page_shows_mrr_type_and_health_filters_by_a_model_value_and_names_a_bad_one()
    {
        // Arrange
        var model = await ComputedAsync();
        await using var _ = model.Hub;
        var browser = await model.Hub.SignedInAsync();

        // Act
        var page = await browser.GetStringAsync("/accounts?value=mrr%20%3E%3D%20987654&member_of=Big%20spenders", Token);
        var sorted = await browser.GetStringAsync("/accounts?sort=metric:Reports&dir=desc", Token);
        var bad = await browser.GetStringAsync("/accounts?value=metric:Reports%20%3E%3E%201", Token);
        var api = await model.Api.GetAsync("/api/v1/accounts?type=paying", Token);

        // Assert
        System.Text.RegularExpressions.Regex.Count(page, "data-testid=\"account-row\"").ShouldBe(1);
        page.ShouldContain($"data-testid=\"account-row\" data-id=\"{model.AccountId}\"");
        page.ShouldContain("data-testid=\"account-mrr\">987,654.00 USD<");
        page.ShouldContain("data-testid=\"account-type\">subscribed<");
        page.ShouldContain("data-testid=\"account-health\">5<");
        page.ShouldContain("<option value=\"Big spenders\" selected=\"selected\">");
        page.ShouldContain("value=\"mrr &gt;= 987654\"");
        sorted.ShouldContain("data-testid=\"account-row\"");
        WebUtility.HtmlDecode(sorted).ShouldContain("data-testid=\"value-sort\">Reports ↓<", Case.Sensitive, "the sort by a metric is offered and marked");
        bad.ShouldContain("data-testid=\"list-problem\"");
        bad.ShouldContain("value: &#x27;metric:Reports &gt;&gt; 1&#x27; is not a comparison");
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("parameter").GetString().ShouldBe("type");
    }
}
