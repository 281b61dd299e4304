using System.Net;
using System.Text.Json;

namespace Rapport.IntercomSimulator.Tests;

public sealed class FaultSpecs
{
    [Fact]
    public async Task Rate_limit_faults_answer_429_with_headers_then_clear()
    {
        await using var server = await SimulatorServers.StartAsync(rateLimit: 600);
        using var api = new Api(server);

        await api.PostAsync("/_simulator/faults", """{"kind":"rate_limit","count":2,"path":"/contacts"}""");
        var other = await api.GetAsync("/tags");
        var first = await api.GetAsync("/contacts");
        var second = await api.GetAsync("/contacts");
        var third = await api.GetAsync("/contacts");

        other.Status.ShouldBe(HttpStatusCode.OK);
        first.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        first.Header("X-RateLimit-Remaining").ShouldBe("0");
        first.Header("X-RateLimit-Reset").ShouldNotBeNull();
        second.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        third.Status.ShouldBe(HttpStatusCode.OK);
        (await StatsAsync(api)).GetProperty("faults_injected").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Server_errors_alternate_500_502_503_with_error_lists()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);

        await api.PostAsync("/_simulator/faults", """{"kind":"server_error","count":3}""");
        var replies = new[] { await api.GetAsync("/me"), await api.GetAsync("/me"), await api.GetAsync("/me") };

        replies.Select(r => (int)r.Status).ShouldBe([500, 502, 503]);
        replies.ShouldAllBe(r => r.Body.GetProperty("type").GetString() == "error.list");
        (await api.GetAsync("/me")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Slow_answers_arrive_after_the_delay_and_are_correct()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        await api.PostAsync("/_simulator/faults", """{"kind":"slow","count":1,"delay_ms":400}""");
        var started = TimeProvider.System.GetTimestamp();

        var reply = await api.GetAsync("/me");

        TimeProvider.System.GetElapsedTime(started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(380));
        reply.Status.ShouldBe(HttpStatusCode.OK);
        reply.Body.GetProperty("type").GetString().ShouldBe("admin");
    }

    [Fact]
    public async Task A_truncated_body_cannot_be_read_whole()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        await api.PostAsync("/_simulator/faults", """{"kind":"truncated_body","count":1,"path":"/contacts"}""");

        var read = () => api.GetAsync("/contacts");

        var error = await Should.ThrowAsync<Exception>(read);
        error.ShouldBeAssignableTo<HttpRequestException>();
        (await api.GetAsync("/contacts")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_dropped_connection_gives_no_response()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        await api.PostAsync("/_simulator/faults", """{"kind":"drop_connection","count":1}""");

        await Should.ThrowAsync<HttpRequestException>(() => api.GetAsync("/me"));
        (await api.GetAsync("/me")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Clearing_faults_and_stats_resets_them()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        await api.PostAsync("/_simulator/faults", """{"kind":"server_error","count":5}""");
        await api.GetAsync("/contacts");

        await api.DeleteAsync("/_simulator/faults");
        var after = await api.GetAsync("/contacts");
        var stats = await StatsAsync(api);
        await api.DeleteAsync("/_simulator/stats");
        var reset = await StatsAsync(api);

        after.Status.ShouldBe(HttpStatusCode.OK);
        stats.GetProperty("requests").GetProperty("GET /contacts").GetInt32().ShouldBe(2);
        stats.GetProperty("total").GetInt32().ShouldBe(2);
        reset.GetProperty("total").GetInt32().ShouldBe(0);
    }

    private static async Task<JsonElement> StatsAsync(Api api) => (await api.GetAsync("/_simulator/stats")).Body;
}
