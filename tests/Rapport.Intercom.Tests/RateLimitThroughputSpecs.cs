using Rapport.IntercomSimulator;

namespace Rapport.Intercom.Tests;

public sealed class RateLimitThroughputSpecs
{
    [Fact]
    public async Task Steady_reading_uses_at_least_95_percent_of_the_allowed_calls_without_a_429()
    {
        var ct = TestContext.Current.CancellationToken;
        // 600/min = 100 calls per 10-second window, windows aligned to multiples of 10 s.
        var simulator = new SimulatorOptions { Companies = 40, Contacts = 80, Seed = 9, RateLimitPerMinute = 600 };
        await using var intercom = await SimulatedIntercom.StartAsync(simulator, cancellationToken: ct);
        var ids = intercom.Workspace.Companies.Select(company => company.Id).ToList();
        var now = DateTimeOffset.UtcNow;
        var windowStart = DateTimeOffset.FromUnixTimeSeconds((now.ToUnixTimeSeconds() / 10 + 1) * 10);
        await Task.Delay(windowStart - now + TimeSpan.FromMilliseconds(50), ct);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(TimeSpan.FromSeconds(19.7));
        var workers = Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    await intercom.Client.GetCompanyAsync(ids[i % ids.Count], stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
            }
        }, ct));
        await Task.WhenAll(workers);

        intercom.Server.Stats.RateLimited.ShouldBe(0);
        intercom.Server.Stats.Total.ShouldBeGreaterThanOrEqualTo(190, "two windows allow 200 calls");
        intercom.Server.Stats.Total.ShouldBeLessThanOrEqualTo(200);
    }
}
