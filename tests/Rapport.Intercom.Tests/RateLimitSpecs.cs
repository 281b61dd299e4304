using Rapport.IntercomSimulator;

namespace Rapport.Intercom.Tests;

public sealed class RateLimitSpecs
{
    [Fact]
    public async Task A_burst_under_a_low_limit_waits_for_the_reset_instead_of_hitting_429()
    {
        var ct = TestContext.Current.CancellationToken;
        // 60/min = 10 calls per 10-second window, as Intercom's rate limiting page spreads the limit.
        var simulator = new SimulatorOptions { Companies = 40, Contacts = 80, Seed = 5, RateLimitPerMinute = 60 };
        await using var intercom = await SimulatedIntercom.StartAsync(simulator, cancellationToken: ct);
        var ids = intercom.Workspace.Companies.Take(25).Select(company => company.Id).ToList();

        var companies = await Task.WhenAll(ids.Select(id => intercom.Client.GetCompanyAsync(id, ct)));

        companies.Select(company => company.Id).ShouldBe(ids);
        intercom.Server.Stats.RateLimited.ShouldBe(0);
        intercom.Client.Statistics.RateLimited.ShouldBe(0);
        intercom.Client.Statistics.ThrottleWaits.ShouldBeGreaterThan(0);
        intercom.Client.Statistics.RequestsSent.ShouldBe(25);
    }
}
