using System.Text.Json;
using Rapport.Contract.Tests.OpenApi;
using Rapport.IntercomSimulator;

namespace Rapport.Contract.Tests.Simulator;

/// <summary>The simulator called raw, without Rapport's client: every answer must be what the spec describes.</summary>
public sealed partial class SimulatorContractSpecs(SpecFixture spec, SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private SimulatorWorkspace Workspace => simulator.Server.Workspace;

    private SimulatedCompany CompanyWithUsers => Workspace.Companies.First(c => c.CompanyId is not null && c.UserCount > 0);

    private SimulatedContact UserWithCompanies => Workspace.Contacts.First(c => c.Role == "user" && c.CompanyIds.Count > 0 && c.ExternalId is not null);

    [Fact]
    public async Task Every_read_endpoint_answers_as_the_spec_describes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = new RawApi(simulator.Server.BaseAddress);
        var company = CompanyWithUsers;
        var contact = UserWithCompanies;

        await api.GetAsync("me", ct);
        await ScrollToTheEndAsync(api, ct);
        await api.SendAsync(HttpMethod.Post, "companies/list?page=1&per_page=20&order=desc", cancellationToken: ct);
        await api.SendAsync(HttpMethod.Post, "companies/list?page=2&per_page=20&order=asc", cancellationToken: ct);
        await api.GetAsync($"companies?company_id={Uri.EscapeDataString(company.CompanyId!)}", ct);
        await api.GetAsync("companies?page=1&per_page=10", ct);
        await api.GetAsync($"companies/{company.Id}", ct);
        await api.GetAsync($"companies/{company.Id}/contacts", ct);
        await api.GetAsync($"companies/{company.Id}/segments", ct);
        var (_, contacts) = await api.GetAsync("contacts?per_page=50", ct);
        if (NextCursor(contacts) is { } next)
        {
            await api.GetAsync($"contacts?per_page=50&starting_after={Uri.EscapeDataString(next)}", ct);
        }

        var (_, found) = await api.SendAsync(HttpMethod.Post, "contacts/search", """{"query":{"field":"role","operator":"=","value":"user"},"pagination":{"per_page":20}}""", cancellationToken: ct);
        if (NextCursor(found) is { } after)
        {
            await api.SendAsync(HttpMethod.Post, "contacts/search", $$$"""{"query":{"field":"role","operator":"=","value":"user"},"pagination":{"per_page":20,"starting_after":"{{{after}}}"}}""", cancellationToken: ct);
        }

        await api.SendAsync(HttpMethod.Post, "contacts/search", """{"query":{"operator":"AND","value":[{"field":"role","operator":"IN","value":["user","lead"]},{"field":"updated_at","operator":">","value":1000000000}]},"sort":{"field":"updated_at","order":"ascending"}}""", cancellationToken: ct);
        await api.GetAsync($"contacts/{contact.Id}", ct);
        await api.GetAsync($"contacts/find_by_external_id/{Uri.EscapeDataString(contact.ExternalId!)}", ct);
        await api.GetAsync($"contacts/{contact.Id}/companies", ct);
        await api.GetAsync($"contacts/{contact.Id}/tags", ct);
        await api.GetAsync($"contacts/{contact.Id}/segments", ct);
        await api.GetAsync("segments", ct);
        await api.GetAsync("segments?include_count=true", ct);
        await api.GetAsync($"segments/{Workspace.Segments[0].Id}", ct);
        await api.GetAsync("tags", ct);
        await api.GetAsync($"tags/{Workspace.Tags[0].Id}", ct);
        await api.GetAsync("admins", ct);
        await api.GetAsync($"admins/{Workspace.Admins[0].Id}", ct);
        await api.GetAsync("data_attributes?model=company", ct);
        await api.GetAsync("data_attributes?model=contact&include_archived=true", ct);

        api.Exchanges.Where(e => e.StatusCode >= 300).Select(e => $"{e.Method} {e.PathAndQuery} {e.StatusCode}").ShouldBeEmpty();
        ContractAssert.Conforms(spec.Contract, api.Exchanges);
    }

    [Fact]
    public async Task Every_write_endpoint_answers_as_the_spec_describes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = new RawApi(simulator.Server.BaseAddress);
        var company = CompanyWithUsers;

        var (_, attribute) = await api.SendAsync(HttpMethod.Post, "data_attributes", """{"name":"raw_contract_flag","model":"company","data_type":"boolean","description":"Raw contract test"}""", cancellationToken: ct);
        await api.SendAsync(HttpMethod.Put, $"data_attributes/{Id(attribute)}", """{"description":"Still a raw contract test","archived":false}""", cancellationToken: ct);
        await api.SendAsync(HttpMethod.Put, $"companies/{company.Id}", """{"name":"Raw Co","size":12,"monthly_spend":100,"industry":"Software","custom_attributes":{"raw_contract_flag":true}}""", cancellationToken: ct);
        var (_, created) = await api.SendAsync(HttpMethod.Post, "companies", """{"company_id":"raw-contract-1","name":"Raw Contract Inc","plan":"pro","size":5,"remote_created_at":1700000000}""", cancellationToken: ct);
        var (_, contact) = await api.SendAsync(HttpMethod.Post, "contacts", """{"role":"user","external_id":"raw-contract-user","email":"raw@contract.example","name":"Raw User"}""", cancellationToken: ct);
        await api.SendAsync(HttpMethod.Put, $"contacts/{Id(contact)}", """{"name":"Raw Renamed","last_seen_at":1700000000,"unsubscribed_from_emails":false}""", cancellationToken: ct);
        await api.SendAsync(HttpMethod.Post, $"contacts/{Id(contact)}/companies", $$"""{"id":"{{Id(created)}}"}""", cancellationToken: ct);
        await api.SendAsync(HttpMethod.Delete, $"contacts/{Id(contact)}/companies/{Id(created)}", cancellationToken: ct);
        await api.SendAsync(HttpMethod.Delete, $"companies/{Id(created)}", cancellationToken: ct);

        api.Exchanges.Where(e => e.StatusCode >= 300).Select(e => $"{e.Method} {e.PathAndQuery} {e.StatusCode}: {e.ResponseBody}").ShouldBeEmpty();
        ContractAssert.Conforms(spec.Contract, api.Exchanges);
    }

    private static async Task ScrollToTheEndAsync(RawApi api, CancellationToken ct)
    {
        var (_, page) = await api.GetAsync("companies/scroll", ct);
        for (var i = 0; i < 10 && page.ValueKind == JsonValueKind.Object
            && page.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0
            && page.TryGetProperty("scroll_param", out var param) && param.GetString() is { } scrollParam; i++)
        {
            (_, page) = await api.GetAsync($"companies/scroll?scroll_param={Uri.EscapeDataString(scrollParam)}", ct);
        }
    }

    private static string? NextCursor(JsonElement list) =>
        list.ValueKind == JsonValueKind.Object
        && list.TryGetProperty("pages", out var pages) && pages.ValueKind == JsonValueKind.Object
        && pages.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.Object
        && next.TryGetProperty("starting_after", out var cursor)
            ? cursor.GetString()
            : null;

    private static string Id(JsonElement created) =>
        created.ValueKind == JsonValueKind.Object && created.TryGetProperty("id", out var id)
            ? id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText()
            : "missing-id";
}
