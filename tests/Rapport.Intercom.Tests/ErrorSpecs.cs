using System.Net;
using System.Net.Sockets;
using Rapport.IntercomSimulator;

namespace Rapport.Intercom.Tests;

public sealed class ErrorSpecs
{
    [Fact]
    public async Task A_wrong_token_is_reported_as_unauthorized_with_a_clear_message()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(configure: o => o.AccessToken = "wrong", cancellationToken: ct);

        var error = await Should.ThrowAsync<IntercomUnauthorizedException>(() => intercom.Client.GetMeAsync(ct));

        error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        error.ErrorCode.ShouldBe("unauthorized");
        error.Message.ShouldContain("rejected the access token");
        error.Message.ShouldContain(intercom.Server.BaseAddress.ToString());
        intercom.Client.Statistics.Retries.ShouldBe(0);
    }

    [Fact]
    public async Task An_unreachable_host_is_reported_naming_the_address()
    {
        var ct = TestContext.Current.CancellationToken;
        var closed = new Uri($"http://127.0.0.1:{FreePort()}/");
        await using var intercom = await SimulatedIntercom.StartAsync(configure: o => { o.BaseAddress = closed; o.MaxRetries = 2; }, cancellationToken: ct);

        var error = await Should.ThrowAsync<IntercomUnreachableException>(() => intercom.Client.GetMeAsync(ct));

        error.Message.ShouldStartWith($"Cannot reach Intercom at {closed}");
        error.BaseAddress.ShouldBe(closed);
        intercom.Client.Statistics.Retries.ShouldBe(2);
    }

    [Fact]
    public async Task A_missing_company_is_not_found_and_finding_by_company_id_gives_null()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);

        var error = await Should.ThrowAsync<IntercomNotFoundException>(() => intercom.Client.GetCompanyAsync("000000000000000000000000", ct));
        var found = await intercom.Client.FindCompanyByCompanyIdAsync("no-such-company", ct);

        error.ErrorCode.ShouldBe("company_not_found");
        error.Message.ShouldContain("GET /companies/000000000000000000000000");
        found.ShouldBeNull();
    }

    [Fact]
    public async Task A_company_is_found_by_its_own_company_id()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        var expected = intercom.Workspace.Companies.First(company => company.CompanyId is not null);

        var found = await intercom.Client.FindCompanyByCompanyIdAsync(expected.CompanyId!, ct);

        found.ShouldNotBeNull().Id.ShouldBe(expected.Id);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
