using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Rapport.IntercomSimulator.Tests;

public sealed class RateLimitSpecs
{
    [Fact]
    public async Task Every_response_carries_the_window_headers_and_the_window_limit_is_a_sixth_of_the_minute()
    {
        var time = new FakeTimeProvider(SimulatorServers.Now);
        await using var server = await SimulatorServers.StartAsync(rateLimit: 60, time: time);
        using var api = new Api(server);

        var first = await api.GetAsync("/me");
        var second = await api.GetAsync("/tags");

        first.Header("X-RateLimit-Limit").ShouldBe("10");
        first.Header("X-RateLimit-Remaining").ShouldBe("9");
        second.Header("X-RateLimit-Remaining").ShouldBe("8");
        var windowEnd = SimulatorServers.Now.ToUnixTimeSeconds() - (SimulatorServers.Now.ToUnixTimeSeconds() % 10) + 10;
        first.Header("X-RateLimit-Reset").ShouldBe(windowEnd.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_window_used_up_gives_429_until_the_next_window()
    {
        var time = new FakeTimeProvider(SimulatorServers.Now);
        await using var server = await SimulatorServers.StartAsync(rateLimit: 60, time: time);
        using var api = new Api(server);

        for (var i = 0; i < 10; i++) { (await api.GetAsync("/me")).Status.ShouldBe(HttpStatusCode.OK); }
        var limited = await api.GetAsync("/me");
        time.Advance(TimeSpan.FromSeconds(5));
        var nextWindow = await api.GetAsync("/me");

        limited.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.ErrorCode.ShouldBe("rate_limit_exceeded");
        limited.Body.GetProperty("errors")[0].GetProperty("message").GetString().ShouldBe("Exceeded rate limit of 10 in 10_seconds");
        limited.Header("X-RateLimit-Remaining").ShouldBe("0");
        nextWindow.Status.ShouldBe(HttpStatusCode.OK);
        nextWindow.Header("X-RateLimit-Remaining").ShouldBe("9");
        server.Stats.RateLimited.ShouldBe(1);
    }

    [Fact]
    public async Task The_limit_changes_at_run_time_through_the_control_api()
    {
        var time = new FakeTimeProvider(SimulatorServers.Now);
        await using var server = await SimulatorServers.StartAsync(rateLimit: null, time: time);
        using var api = new Api(server);

        var unthrottled = await api.GetAsync("/me");
        await api.PutAsync("/_simulator/rate_limit", """{"per_minute": 600}""");
        var throttled = await api.GetAsync("/me");
        await api.PutAsync("/_simulator/rate_limit", """{"per_minute": null}""");
        var off = await api.GetAsync("/me");

        unthrottled.Header("X-RateLimit-Limit").ShouldBeNull();
        throttled.Header("X-RateLimit-Limit").ShouldBe("100");
        off.Header("X-RateLimit-Limit").ShouldBeNull();
    }
}
