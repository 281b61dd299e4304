using Rapport.Contract.Tests.OpenApi;

namespace Rapport.Contract.Tests.Simulator;

public sealed partial class SimulatorContractSpecs
{
    [Fact]
    public async Task A_wrong_token_gets_401_with_an_error_list()
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = new RawApi(simulator.Server.BaseAddress);

        var (exchange, _) = await api.SendAsync(HttpMethod.Get, "contacts?per_page=5", bearer: "not_the_token", cancellationToken: ct);

        exchange.StatusCode.ShouldBe(401);
        ContractAssert.Conforms(spec.Contract, api.Exchanges);
    }

    [Fact]
    public async Task Unknown_companies_and_tags_get_404_with_an_error_list()
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = new RawApi(simulator.Server.BaseAddress);

        var (byId, _) = await api.GetAsync("companies/000000000000000000000000", ct);
        var (byCompanyId, _) = await api.GetAsync("companies?company_id=no-such-company", ct);
        var (update, _) = await api.SendAsync(HttpMethod.Put, "companies/000000000000000000000000", """{"name":"Nobody"}""", cancellationToken: ct);
        var (tag, _) = await api.GetAsync("tags/999999999", ct);

        new[] { byId.StatusCode, byCompanyId.StatusCode, update.StatusCode, tag.StatusCode }.ShouldBe([404, 404, 404, 404]);
        ContractAssert.Conforms(spec.Contract, api.Exchanges);
    }

    [Fact]
    public async Task Bad_bodies_get_400_with_an_error_list()
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = new RawApi(simulator.Server.BaseAddress);
        await api.SendAsync(HttpMethod.Post, "data_attributes", """{"name":"raw_duplicate","model":"contact","data_type":"string"}""", cancellationToken: ct);

        var (noQuery, _) = await api.SendAsync(HttpMethod.Post, "contacts/search", """{"pagination":{"per_page":5}}""", cancellationToken: ct);
        var (badSort, _) = await api.SendAsync(HttpMethod.Post, "contacts/search", """{"query":{"field":"name","operator":"=","value":"x"},"sort":{"field":"name","order":"sideways"}}""", cancellationToken: ct);
        var (duplicate, _) = await api.SendAsync(HttpMethod.Post, "data_attributes", """{"name":"raw_duplicate","model":"contact","data_type":"string"}""", cancellationToken: ct);

        new[] { noQuery.StatusCode, badSort.StatusCode, duplicate.StatusCode }.ShouldBe([400, 400, 400]);
        // The requests break the spec on purpose; only the answers are on trial.
        ContractAssert.Conforms([.. api.Exchanges.SelectMany(spec.Contract.Validate).Where(v => v.Side == ExchangeSide.Response)], api.Exchanges.Count);
    }

    [Fact]
    public async Task A_rate_limited_request_gets_429_with_an_error_list()
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = new RawApi(simulator.Server.BaseAddress);
        await api.ControlAsync(HttpMethod.Post, "_simulator/faults", """{"kind":"rate_limit","count":1,"path":"/contacts"}""", ct);

        var (limited, _) = await api.GetAsync("contacts?per_page=5", ct);
        var (after, _) = await api.GetAsync("contacts?per_page=5", ct);

        limited.StatusCode.ShouldBe(429);
        after.StatusCode.ShouldBe(200);
        ContractAssert.Conforms(spec.Contract, api.Exchanges);
    }
}
