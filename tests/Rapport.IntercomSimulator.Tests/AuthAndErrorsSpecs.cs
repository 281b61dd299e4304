using System.Net;

namespace Rapport.IntercomSimulator.Tests;

public sealed class AuthAndErrorsSpecs
{
    [Fact]
    public async Task A_missing_token_gets_401_error_list_without_rate_limit_headers()
    {
        await using var server = await SimulatorServers.StartAsync(rateLimit: 600);
        using var anonymous = new Api(server, token: null);
        using var wrong = new Api(server, token: "nope");

        var missing = await anonymous.GetAsync("/contacts");
        var invalid = await wrong.GetAsync("/me");

        foreach (var reply in new[] { missing, invalid })
        {
            reply.Status.ShouldBe(HttpStatusCode.Unauthorized);
            reply.Body.GetProperty("type").GetString().ShouldBe("error.list");
            Guid.TryParse(reply.Body.GetProperty("request_id").GetString(), out _).ShouldBeTrue();
            reply.ErrorCode.ShouldBe("unauthorized");
            reply.Body.GetProperty("errors")[0].GetProperty("message").GetString().ShouldBe("Access Token Invalid");
            reply.Header("X-RateLimit-Limit").ShouldBeNull();
        }
    }

    [Fact]
    public async Task An_unknown_Intercom_Version_is_rejected_and_a_known_one_accepted()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);

        var bad = await api.SendAsync(HttpMethod.Get, "/me", configure: r => r.Headers.Add("Intercom-Version", "9.9"));
        var good = await api.SendAsync(HttpMethod.Get, "/me", configure: r => r.Headers.Add("Intercom-Version", "2.16"));

        bad.Status.ShouldBe(HttpStatusCode.BadRequest);
        bad.ErrorCode.ShouldBe("intercom_version_invalid");
        good.Status.ShouldBe(HttpStatusCode.OK);
        good.Body.GetProperty("app").GetProperty("id_code").GetString().ShouldBe(server.Workspace.AppId);
        good.Body.GetProperty("app").GetProperty("region").GetString().ShouldBe("US");
    }

    [Fact]
    public async Task Unknown_paths_and_methods_are_404_error_lists()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);

        var path = await api.GetAsync("/nothing/here");
        var method = await api.SendAsync(HttpMethod.Patch, "/contacts", "{}");

        path.Status.ShouldBe(HttpStatusCode.NotFound);
        path.ErrorCode.ShouldBe("not_found");
        method.Status.ShouldBe(HttpStatusCode.NotFound);
        method.ErrorCode.ShouldBe("not_found");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_error_list()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);

        var reply = await api.PostAsync("/contacts/search", "{\"query\": ");

        reply.Status.ShouldBe(HttpStatusCode.BadRequest);
        reply.Body.GetProperty("type").GetString().ShouldBe("error.list");
    }

    [Fact]
    public async Task Missing_objects_are_404_with_Intercom_codes()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);

        var company = await api.GetAsync("/companies/000000000000000000000000");
        var contact = await api.GetAsync("/contacts/000000000000000000000000");

        company.Status.ShouldBe(HttpStatusCode.NotFound);
        company.ErrorCode.ShouldBe("company_not_found");
        contact.Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
