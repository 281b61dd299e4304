using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Application.Segment;
using Rapport.Web;
using Rapport.Testing;

namespace Rapport.Benchmarks;

/// <summary>
/// Segment ingest as a customer's traffic looks: first a <c>group</c> call per account with its users (and an
/// <c>identify</c> per user), applied, so every later track lands as a stored event of a known user; then
/// <c>/v1/batch</c> calls of 100 track messages from several connections (events/s made durable: a 200 means they are
/// committed to the inbox); then single <c>/v1/track</c> calls one at a time, timed twice: while the worker still applies
/// the batched backlog, and once the inbox is drained. The load comes from this process, on the same cores as the server.
/// </summary>
internal static class SegmentIngestBench
{
    private const int PerBatch = 100;
    private const int Accounts = 500;
    private const int Users = 5_000;

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
        var store = HubStores.From(app.Services);
        var storeName = store.Provider == "sqlite" ? "SQLite" : "PostgreSQL";
        var key = await app.Services.GetRequiredService<SegmentWriteKey>().GetAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));

        Console.Error.WriteLine($"segment: {Accounts} accounts and {Users:N0} users by group and identify calls into {storeName}…");
        await SendAllAsync(http, concurrency, Users / PerBatch, b => Enumerable.Range((int)b * PerBatch, PerBatch).SelectMany(u => (string[])[Identify(u), Group(u)]));
        await DrainedAsync(store);

        Console.Error.WriteLine($"segment: {batches:N0} batches of {PerBatch} tracks from {concurrency} connections…");
        var clock = Stopwatch.StartNew();
        var failed = await SendAllAsync(http, concurrency, batches, b => Enumerable.Range(0, PerBatch).Select(i => Track(b * PerBatch + i)));
        var seconds = clock.Elapsed.TotalSeconds;
        var events = (batches - failed) * PerBatch;

        Console.Error.WriteLine($"segment: {singles:N0} single tracks while the worker applies the backlog, then {singles:N0} with the inbox drained…");
        var pendingAtStart = (await store.Segment.CountSegmentInboxAsync()).Pending;
        var busy = await SinglesAsync(http, singles, 10_000_000L);
        var pendingAtEnd = (await store.Segment.CountSegmentInboxAsync()).Pending;
        await DrainedAsync(store);
        var quiet = await SinglesAsync(http, singles, 20_000_000L);
        await DrainedAsync(store);

        var counts = await store.Segment.CountSegmentInboxAsync();
        var stored = await store.Events.FindEventNameAsync("Report Exported");
        await app.StopAsync();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        return string.Create(CultureInfo.InvariantCulture,
            $"| Segment ingest ({storeName}) | {Accounts} accounts and {Users:N0} users made by group + identify calls first; then /v1/batch of {PerBatch} track calls (~230 B each) for those users, {concurrency} connections from the same process; then {singles:N0} single /v1/track one at a time while the worker applies the backlog ({pendingAtStart:N0} → {pendingAtEnd:N0} pending), and {singles:N0} more with the inbox drained | {events:N0} events durable in {seconds:F1} s ({failed} failed batches); {stored?.From(SegmentSource.Name)?.StoredCount ?? 0:N0} stored as events of {counts.Applied:N0} calls applied | **{events / seconds:N0} events/s**; single track while applying p50 {P(busy, 0.5):F2} ms, **p99 {P(busy, 0.99):F2} ms**; drained p50 {P(quiet, 0.5):F2} ms, **p99 {P(quiet, 0.99):F2} ms** | {machine} |");
    }

    /// <summary>Sends <paramref name="batches"/> batches from <paramref name="concurrency"/> connections; returns how many failed.</summary>
    private static async Task<long> SendAllAsync(HttpClient http, int concurrency, int batches, Func<long, IEnumerable<string>> calls)
    {
        long next = -1, failed = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var b = Interlocked.Increment(ref next); b < batches; b = Interlocked.Increment(ref next))
            {
                var body = "{\"batch\":[" + string.Join(',', calls(b)) + "]}";
                using var response = await http.PostAsync("/v1/batch", new StringContent(body, Encoding.UTF8, "application/json"));
                if (!response.IsSuccessStatusCode)
                    Interlocked.Increment(ref failed);
            }
        })));
        return failed;
    }

    private static async Task<double[]> SinglesAsync(HttpClient http, int singles, long firstId)
    {
        var latencies = new double[singles];
        for (var i = 0; i < singles; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync("/v1/track", new StringContent(Track(firstId + i), Encoding.UTF8, "application/json"));
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(latencies);
        return latencies;
    }

    private static async Task DrainedAsync(HubStores store)
    {
        while ((await store.Segment.CountSegmentInboxAsync()).Pending > 0)
            await Task.Delay(100);
    }

    private static double P(double[] sorted, double quantile) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * quantile))];

    private static string Identify(long user) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"type":"identify","userId":"user-{{user}}","traits":{"email":"user-{{user}}@bench.test","name":"User {{user}}"},"messageId":"identify-{{user}}"}""");

    private static string Group(long user) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"type":"group","userId":"user-{{user}}","groupId":"acct-{{user % Accounts}}","traits":{"name":"Account {{user % Accounts}}","mrr":{{user % Accounts * 10}}},"messageId":"group-{{user}}"}""");

    /// <summary>Each track a distinct event (its own second), so none is a duplicate of another.</summary>
    private static string Track(long i) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"type":"track","userId":"user-{{i % Users}}","event":"Report Exported","properties":{"format":"csv","rows":{{i % 977}}},"context":{"groupId":"acct-{{i % Users % Accounts}}"},"timestamp":"{{new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero).AddSeconds(i):yyyy-MM-ddTHH:mm:ssZ}}","messageId":"bench-{{i}}"}""");
}
