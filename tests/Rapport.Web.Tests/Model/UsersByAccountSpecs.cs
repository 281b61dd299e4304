namespace Rapport.Web.Tests.Model;

/// <summary>The users list filtered by what their accounts are: plan, the account model's type, owner, segment, indicator and values.</summary>
public sealed class UsersByAccountSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<List<JsonElement>> AllAsync(HttpClient api, string url)
    {
        var items = new List<JsonElement>();
        string? next = url;
        while (next is not null)
        {
            var response = await api.GetAsync(next, Token);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{next}: {await response.Content.ReadAsStringAsync(Token)}");
            var page = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }

        return items;
    }

    private static long[] Ids(IEnumerable<JsonElement> items) => [.. items.Select(i => i.GetProperty("id").GetInt64()).Order()];

    /// <summary>The users of every account (active or not) the accounts list gives for the same filter.</summary>
    private static async Task<long[]> UsersOfAccountsAsync(HttpClient api, string filter)
    {
        var users = new HashSet<long>();
        foreach (var account in Ids(await AllAsync(api, $"/api/v1/accounts?status=all&limit=200&{filter}")))
            users.UnionWith(Ids(await AllAsync(api, $"/api/v1/users?limit=200&account={account}")));
        return [.. users.Order()];
    }

    [Fact]
    public async Task An_account_filter_on_the_users_list_gives_the_users_of_the_accounts_it_gives_on_the_accounts_list()
    {
        // Arrange
        var model = await ModelHub.StartAsync();
        await using var _ = model.Hub;
        await model.SetTraitsAsync(("mrr", 987654L), ("trial_ends_at", 0L));
        await model.TrackAsync("slack-connected", 1);
        await model.TrackAsync("created-report", 2);
        (await AccountModelSpecs.PutAsync(model.Api, AccountModelSpecs.Definitions)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var everyone = Ids(await AllAsync(model.Api, "/api/v1/users?limit=200"));
        var plan = model.Company.Plan.ShouldNotBeNull();
        var filters = new[]
        {
            "plan=" + Uri.EscapeDataString(plan),
            "type=subscribed",
            "member_of=big%20spenders",
            "indicator=Churn%20Risk",
            "value=mrr%20%3E%3D%20987654",
            "value=metric:Reports%20%3E%3D%201&value=health%20%3C%3D%205",
            "owner=nobody-owns-this",
        };

        // Act
        var found = new Dictionary<string, long[]>();
        foreach (var filter in filters)
            found[filter] = Ids(await AllAsync(model.Api, $"/api/v1/users?limit=7&{filter}"));

        // Assert
        foreach (var filter in filters)
            found[filter].ShouldBe(await UsersOfAccountsAsync(model.Api, filter), filter);
        found["value=mrr%20%3E%3D%20987654"].ShouldBe(Ids(await AllAsync(model.Api, $"/api/v1/users?limit=200&account={model.AccountId}")));
        found["value=mrr%20%3E%3D%20987654"].Length.ShouldBeLessThan(everyone.Length, "only the users of the one account with that MRR");
        found["owner=nobody-owns-this"].ShouldBeEmpty();
    }
}
