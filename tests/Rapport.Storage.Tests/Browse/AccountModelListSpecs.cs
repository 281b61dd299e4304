using Rapport.Hub.Model;
using Rapport.Hub.Accounts;
using static Rapport.Storage.Tests.Model.ModelStates;

namespace Rapport.Storage.Tests.Browse;

public sealed class AccountModelListSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Dictionary<string, decimal?> Metrics(decimal? logins) => new() { ["Weekly logins"] = logins };

    /// <summary>Seven accounts: 01–06 computed, 07 never computed; metric values 0…5 with 04 having none.</summary>
    private async Task<(TestStore Hub, long[] Ids)> SeedAsync(string provider)
    {
        var hub = await fixture.OpenAsync(provider, _time);
        var ids = await AccountsAsync(hub, 7);
        await hub.Model.SaveAccountStatesAsync(
        [
            State(ids[0], Start, mrr: 500m, health: 9m, metrics: Metrics(5m), segments: ["Enterprise"], owner: "ada", elements: new Dictionary<string, long> { ["Seats"] = 40 }),
            State(ids[1], Start, mrr: 49.9m, type: AccountType.Trial, health: 3.5m, metrics: Metrics(1m), indicators: ["Churn risk"], owner: "bob"),
            State(ids[2], Start, mrr: 120m, health: 6m, metrics: Metrics(3m), segments: ["Enterprise", "EMEA"], owner: "ada"),
            State(ids[3], Start, mrr: null, type: AccountType.Churned, health: null, metrics: Metrics(null), indicators: ["Churn risk"]),
            State(ids[4], Start, mrr: 120m, health: 7m, metrics: Metrics(0m), scores: new Dictionary<string, decimal?> { ["Engagement"] = 2m }),
            State(ids[5], Start, mrr: 10m, type: AccountType.Trial, health: 5m, metrics: Metrics(4m)),
        ], 1, Token);
        return (hub, ids);
    }

    private static async Task<List<long>> IdsAsync(IBrowseStore store, AccountQuery query)
    {
        var ids = new List<long>();
        var page = await store.ListAccountsAsync(query, Token);
        ids.AddRange(page.Rows.Select(r => r.Id.Value));
        while (page.Next is { } next)
        {
            page = await store.ListAccountsAsync(query with { Cursor = next }, Token);
            ids.AddRange(page.Rows.Select(r => r.Id.Value));
        }

        return ids;
    }

    private static ModelValueFilter Filter(string text) =>
        ModelValueFilter.TryParse(text, out var filter, out var problem) ? filter! : throw new ArgumentException(problem);

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_list_filters_by_type_owner_segment_indicator_mrr_health_and_any_metric_or_element(string provider)
    {
        // Arrange
        var (hub, id) = await SeedAsync(provider);
        await using var _ = hub;
        Task<List<long>> ListAsync(AccountQuery query) => IdsAsync(hub.Browse, query with { PageSize = 2 });

        // Act + Assert
        (await ListAsync(new AccountQuery { ModelType = "trial" })).ShouldBe([id[1], id[5]]);
        (await ListAsync(new AccountQuery { Owner = "ada" })).ShouldBe([id[0], id[2]]);
        (await ListAsync(new AccountQuery { MemberOf = "enterprise" })).ShouldBe([id[0], id[2]], "segment names compare in any case");
        (await ListAsync(new AccountQuery { Indicator = "Churn risk" })).ShouldBe([id[1], id[3]]);
        (await ListAsync(new AccountQuery { Values = [Filter("mrr >= 100")] })).ShouldBe([id[0], id[2], id[4]]);
        (await ListAsync(new AccountQuery { Values = [Filter("health < 5")] })).ShouldBe([id[1]], "an account without health never matches");
        (await ListAsync(new AccountQuery { Values = [Filter("metric:Weekly logins >= 3")] })).ShouldBe([id[0], id[2], id[5]]);
        (await ListAsync(new AccountQuery { Values = [Filter("metric:weekly logins != 3")] })).ShouldBe([id[0], id[1], id[4], id[5]], "no value is not 'not 3'");
        (await ListAsync(new AccountQuery { Values = [Filter("element:Seats > 10")] })).ShouldBe([id[0]]);
        (await ListAsync(new AccountQuery { Values = [Filter("health_score:Engagement <= 2")] })).ShouldBe([id[4]]);
        (await ListAsync(new AccountQuery { Values = [Filter("mrr = 120"), Filter("health >= 6.5")], ModelType = "subscribed" })).ShouldBe([id[4]]);
        (await ListAsync(new AccountQuery { MemberOf = "Nobody's segment" })).ShouldBeEmpty();
        var rows = (await hub.Browse.ListAccountsAsync(new AccountQuery { Owner = "bob" }, Token)).Rows;
        rows.Single().ShouldSatisfyAllConditions(
            r => r.Mrr.ShouldBe(49.9m), r => r.Currency.ShouldBe("USD"), r => r.ModelType.ShouldBe("trial"), r => r.Health.ShouldBe(3.5m));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Every_model_sort_pages_through_every_account_once_in_order_both_ways(string provider)
    {
        // Arrange
        var (hub, id) = await SeedAsync(provider);
        await using var _ = hub;
        ModelValue.TryParse("metric:Weekly logins", out var logins, out var _).ShouldBeTrue();
        // Ascending, accounts without a value first (by id), ties by id.
        var expected = new Dictionary<string, (AccountQuery Query, long[] Order)>
        {
            ["mrr"] = (new AccountQuery { Sort = AccountSort.Mrr }, [id[3], id[6], id[5], id[1], id[2], id[4], id[0]]),
            ["health"] = (new AccountQuery { Sort = AccountSort.Health }, [id[3], id[6], id[1], id[5], id[2], id[4], id[0]]),
            ["type"] = (new AccountQuery { Sort = AccountSort.Type }, [id[6], id[3], id[0], id[2], id[4], id[1], id[5]]),
            ["metric"] = (new AccountQuery { Sort = AccountSort.Value, SortValue = logins }, [id[3], id[6], id[4], id[1], id[2], id[5], id[0]]),
        };

        foreach (var (name, (query, order)) in expected)
        {
            // Act
            var ascending = await IdsAsync(hub.Browse, query with { PageSize = 2 });
            var descending = await IdsAsync(hub.Browse, query with { PageSize = 3, Descending = true });

            // Assert
            ascending.ToArray().ShouldBe(order, $"{name} ascending");
            descending.ToArray().ShouldBe(order.AsEnumerable().Reverse().ToArray(), $"{name} descending");
        }

        // A previous link walks back over the same rows.
        var byMetric = expected["metric"].Query with { PageSize = 2 };
        var second = await hub.Browse.ListAccountsAsync(byMetric with { Cursor = (await hub.Browse.ListAccountsAsync(byMetric, Token)).Next }, Token);
        var back = await hub.Browse.ListAccountsAsync(byMetric with { Cursor = second.Previous }, Token);
        back.Rows.Select(r => r.Id.Value).ShouldBe([id[3], id[6]]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_recompute_replaces_an_accounts_named_values_so_a_left_segment_no_longer_lists_it(string provider)
    {
        // Arrange
        var (hub, id) = await SeedAsync(provider);
        await using var _ = hub;

        // Act
        await hub.Model.SaveAccountStatesAsync([State(id[0], Start.AddHours(1), mrr: 500m, metrics: Metrics(2m))], 1, Token);

        // Assert
        (await IdsAsync(hub.Browse, new AccountQuery { MemberOf = "Enterprise" })).ShouldBe([id[2]]);
        (await IdsAsync(hub.Browse, new AccountQuery { Values = [Filter("metric:Weekly logins >= 3")] })).ShouldBe([id[2], id[5]]);
        (await hub.QueryAsync<long>("SELECT COUNT(*) FROM account_values WHERE account_id = @a", new { a = id[0] })).Single().ShouldBe(1);
    }
}
