using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Hub.Storage;
using Rapport.Sync.Segment;
using Rapport.Web;

namespace Rapport.Benchmarks;

/// <summary>
/// Segment ingest: <c>/v1/batch</c> calls of 100 track messages from several connections (events/s made durable: a 200
/// means they are committed to the inbox), then single <c>/v1/track</c> calls one at a time (their latency). The load
/// comes from this process, on the same two cores as the server.
/// </summary>
internal static class SegmentIngestBench
{
    public static async Task<string> RunAsync(string? database, int batches, int concurrency, int singles, string machine)
    {
        var folder = Directory.CreateTempSubdirectory("rapport-bench-").FullName;
        await using var app = await RapportWebApp.CreateAsync(new RapportWebOptions
        {
            Database = database ?? Path.Combine(folder, "bench.db"),
            Urls = ["http://127.0.0.1:0"],
            AdminPassword = "bench password long enough",
        });
        await app.StartAsync();
        var store = app.Services.GetRequiredService<IHubStore>();
        var storeName = store.Provider == "sqlite" ? "SQLite" : "PostgreSQL";
        var key = await app.Services.GetRequiredService<SegmentWriteKey>().GetAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        const int perBatch = 100;
        Console.Error.WriteLine($"segment: {batches:N0} batches of {perBatch} tracks from {concurrency} connections, then {singles:N0} single tracks, into {storeName}…");

        long next = -1, failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var b = Interlocked.Increment(ref next); b < batches; b = Interlocked.Increment(ref next))
            {
                var body = new StringBuilder("{\"batch\":[");
                for (var i = 0; i < perBatch; i++)
                    body.Append(i == 0 ? "" : ",").Append(Track(b * perBatch + i));
                using var response = await http.PostAsync("/v1/batch", new StringContent(body.Append("]}").ToString(), Encoding.UTF8, "application/json"));
                if (!response.IsSuccessStatusCode)
                    Interlocked.Increment(ref failed);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var events = (batches - failed) * perBatch;

        var latencies = new double[singles];
        for (var i = 0; i < singles; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync("/v1/track", new StringContent(Track(10_000_000L + i), Encoding.UTF8, "application/json"));
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(latencies);
        var stored = (await store.CountSegmentInboxAsync()).Received;
        await app.StopAsync();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        return string.Create(CultureInfo.InvariantCulture,
            $"| Segment ingest ({storeName}) | /v1/batch of {perBatch} track calls (~230 B each), {concurrency} connections from the same process; then {singles:N0} single /v1/track one at a time | {events:N0} events durable in {seconds:F1} s ({failed} failed batches), {stored:N0} in the inbox | **{events / seconds:N0} events/s**; single track p50 {latencies[singles / 2]:F2} ms, **p99 {latencies[(int)(singles * 0.99)]:F2} ms** | {machine} |");
    }

    private static string Track(long i) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"type":"track","userId":"user-{{i % 5000}}","event":"Report Exported","properties":{"format":"csv","rows":{{i % 977}}},"context":{"groupId":"acct-{{i % 500}}"},"timestamp":"2026-11-20T10:00:00Z","messageId":"bench-{{i}}"}""");
}
