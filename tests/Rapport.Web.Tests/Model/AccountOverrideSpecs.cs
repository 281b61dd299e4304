using System.Text;

namespace Rapport.Web.Tests.Model;

/// <summary>
/// What a teammate sets by hand on an account (owner, segment membership, indicator addressed) through the REST API and
/// the account page, each recomputing that account at once; definitions saved as YAML.
/// </summary>
public sealed class AccountOverrideSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // YAML, with a qualification-style field (custom_attributes.tier) in a model rule.
    private const string Definitions =
        """
        owner: { trait: intercom.owner_id }
        indicators:
          - { name: Always, kind: risk, rule: type = subscribed }
        segments:
          - { name: Gold, rule: custom_attributes.tier = gold }
          - { name: Watch list }
        """;

    private static async Task<ModelHub> StartAsync()
    {
        var model = await ModelHub.StartAsync();
        await model.SetTraitsAsync(("owner_id", "nobody"), ("tier", "gold"));
        var saved = await model.Api.PutAsync("/api/v1/model", new StringContent(Definitions, Encoding.UTF8, "application/yaml"), Token);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Token));
        return model;
    }

    private static string[] Segments(JsonElement state) => [.. state.GetProperty("segments").EnumerateArray().Select(e => e.GetString()!)];

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Token));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("model");
    }

    [Fact]
    public async Task An_owner_set_by_hand_wins_over_the_owner_trait_at_once_and_clearing_it_gives_the_trait_back()
    {
        var model = await StartAsync();
        await using var _ = model.Hub;
        var account = $"/api/v1/accounts/{model.AccountId}";
        (await model.AccountModelAsync()).GetProperty("ownerUserId").ValueKind.ShouldBe(JsonValueKind.Null, "the trait names no user of the account");

        var set = await OkAsync(await model.Api.PutAsJsonAsync($"{account}/owner", new { userId = model.User.ExternalId }, Token));
        var stranger = await model.Api.PutAsJsonAsync($"{account}/owner", new { userId = "someone-else" }, Token);
        var overrides = await model.Api.GetFromJsonAsync<JsonElement>($"{account}/overrides", Token);
        var cleared = await OkAsync(await model.Api.DeleteAsync($"{account}/owner", Token));

        set.GetProperty("ownerUserId").GetString().ShouldBe(model.User.ExternalId);
        stranger.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await stranger.Content.ReadAsStringAsync(Token)).ShouldContain("someone-else");
        overrides.GetProperty("owner").GetProperty("userId").GetString().ShouldBe(model.User.ExternalId, "the refused change left the owner as it was");
        overrides.GetProperty("owner").GetProperty("setBy").GetString()!.ShouldContain(WebHub.AdminEmail);
        cleared.GetProperty("ownerUserId").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Segment_membership_by_hand_overrides_the_rule_both_ways_and_fills_a_manual_segment()
    {
        var model = await StartAsync();
        await using var _ = model.Hub;
        var segments = $"/api/v1/accounts/{model.AccountId}/segments";
        Segments(await model.AccountModelAsync()).ShouldBe(["Gold"], "custom_attributes.tier reads the Intercom trait in a model rule too");

        var outOfGold = await OkAsync(await model.Api.PutAsJsonAsync($"{segments}/Gold", new { member = false }, Token));
        var watched = await OkAsync(await model.Api.PutAsJsonAsync($"{segments}/Watch list", new { member = true }, Token));
        var unknown = await model.Api.PutAsJsonAsync($"{segments}/Platinum", new { member = true }, Token);
        var ruleAgain = await OkAsync(await model.Api.DeleteAsync($"{segments}/Gold", Token));

        Segments(outOfGold).ShouldBeEmpty();
        Segments(watched).ShouldBe(["Watch list"]);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync(Token)).ShouldContain("Platinum");
        Segments(ruleAgain).ShouldBe(["Gold", "Watch list"]);
    }

    [Fact]
    public async Task An_indicator_marked_addressed_shows_who_and_when_on_the_account_page()
    {
        var model = await StartAsync();
        await using var _ = model.Hub;
        var browser = await model.Hub.SignedInAsync();

        var posted = await WebHub.PostFormAsync(browser, $"/accounts/{model.AccountId}?handler=Addressed", new() { ["indicator"] = "Always" });
        var inactive = await model.Api.PostAsync($"/api/v1/accounts/{model.AccountId}/indicators/Never/addressed", null, Token);

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var indicator = (await model.AccountModelAsync()).GetProperty("indicators").EnumerateArray().Single();
        indicator.GetProperty("addressedBy").GetString()!.ShouldContain(WebHub.AdminEmail);
        indicator.GetProperty("addressedAt").ValueKind.ShouldBe(JsonValueKind.String);
        var page = await browser.GetStringAsync($"/accounts/{model.AccountId}", Token);
        page.ShouldContain("data-testid=\"model-indicator-addressed\"");
        page.ShouldContain(" · addressed by ");
        page.ShouldContain("Always marked addressed.");
        inactive.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_account_page_sets_the_owner_and_a_segment_by_hand()
    {
        var model = await StartAsync();
        await using var _ = model.Hub;
        var browser = await model.Hub.SignedInAsync();
        var url = $"/accounts/{model.AccountId}";

        (await WebHub.PostFormAsync(browser, $"{url}?handler=Owner", new() { ["owner"] = model.User.ExternalId! })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WebHub.PostFormAsync(browser, $"{url}?handler=Segment", new() { ["segment"] = "Gold", ["membership"] = "out" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var state = await model.AccountModelAsync();
        state.GetProperty("ownerUserId").GetString().ShouldBe(model.User.ExternalId);
        Segments(state).ShouldBeEmpty();
        var page = await browser.GetStringAsync(url, Token);
        page.ShouldContain("data-testid=\"owner-set-by\"");
        page.ShouldContain($">{model.User.ExternalId}</dd>");
    }

    [Fact]
    public async Task Broken_yaml_is_refused_naming_its_line_and_column_and_the_definitions_in_force_stay()
    {
        var model = await StartAsync();
        await using var _ = model.Hub;

        var refused = await model.Api.PutAsync(
            "/api/v1/model", new StringContent("segments:\n  - name: Gold\n    rule: x: y\n", Encoding.UTF8, "application/yaml"), Token);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync(Token)).ShouldContain("line 3, column");
        var inForce = await model.Api.GetFromJsonAsync<JsonElement>("/api/v1/model", Token);
        inForce.GetProperty("definitions").GetProperty("segments").GetArrayLength().ShouldBe(2);
    }
}
