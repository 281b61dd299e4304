using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Intercom.Webhooks;
using Rapport.Web;
using Rapport.Testing;

namespace Rapport.Benchmarks;

/// <summary>
/// Durable webhook ingestion: the real web app (endpoint, inbox, worker) over a fresh store, and signed
/// <c>company.updated</c> notifications posted at full speed from a second process over loopback, each answered 200 only
/// once it is committed. Reports notifications/s and p50/p99 latency as the load generator measured them.
/// </summary>
internal static class WebhooksBench
{
    private const string Secret = "bench_client_secret";

    public static async Task<string> RunAsync(string? database, int count, int concurrency, int seconds, string machine)
    {
        var folder = Directory.CreateTempSubdirectory("rapport-bench-").FullName;
        await using var app = await RapportWebApp.CreateAsync(new RapportWebOptions
        {
            Database = database ?? Path.Combine(folder, "bench.db"),
            Urls = ["http://127.0.0.1:0"],
            AdminPassword = "bench password long enough",
            Intercom = new IntercomAppOptions { ClientSecret = Secret },
        });
        await app.StartAsync();
        var store = HubStores.From(app.Services);
        var storeName = store.Provider == "sqlite" ? "SQLite" : "PostgreSQL";

        var url = new Uri(app.BaseAddress, "webhooks/intercom");
        var wrk = FindOnPath("wrk");
        var generator = wrk is null ? "a second .NET process" : $"wrk (2 threads) for {seconds} s";
        Console.Error.WriteLine($"webhooks: {count:N0} distinct notifications, {concurrency} connections from {generator}, into {storeName}…");
        var (ok, elapsed, p50, p99, failed) = wrk is null
            ? await RunDotnetLoadAsync(url, count, concurrency)
            : await RunWrkAsync(wrk, url, count, concurrency, seconds, folder);

        var stored = (await store.Inbox.CountInboxAsync()).Received;
        await app.StopAsync();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        return string.Create(CultureInfo.InvariantCulture,
            $"| webhook ingestion ({storeName}) | signed company.updated notifications of ~1 KB, {concurrency} connections from {generator} | {ok:N0} answered 200 in {elapsed:F1} s ({failed} errors), {stored:N0} in the inbox | **{ok / elapsed:N0} notifications/s**, p50 {p50:F1} ms, p99 {p99:F1} ms | {machine} |");
    }

    private static async Task<(long Ok, double Seconds, double P50, double P99, long Failed)> RunDotnetLoadAsync(Uri url, int count, int concurrency)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "rapport-bench.dll"), "webhooks-load", url.AbsoluteUri, $"{count}", $"{concurrency}" })
            start.ArgumentList.Add(arg);
        using var load = Process.Start(start)!;
        var report = (await load.StandardOutput.ReadToEndAsync()).Trim().Split(' ');
        await load.WaitForExitAsync();
        if (load.ExitCode != 0 || report.Length != 5)
            throw new InvalidOperationException($"The load generator failed: {string.Join(' ', report)}");
        return ParseReport(report);
    }

    /// <summary>
    /// wrk (C, epoll) costs the shared cores far less than a .NET client, so more of them are left to the server. The
    /// bodies are signed beforehand: wrk's Lua has no HMAC. Each line of the file is one distinct notification.
    /// </summary>
    private static async Task<(long Ok, double Seconds, double P50, double P99, long Failed)> RunWrkAsync(
        string wrk, Uri url, int count, int concurrency, int seconds, string folder)
    {
        const int threads = 2;
        var requests = Path.Combine(folder, "notifications.tsv");
        var template = Template();
        await using (var writer = new StreamWriter(requests, append: false, new UTF8Encoding(false)))
        {
            for (var i = 0; i < count; i++)
            {
                var body = template.Replace("{ID}", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                await writer.WriteAsync($"{IntercomWebhookSignature.Sign(Encoding.UTF8.GetBytes(body), Secret)}\t{body}\n");
            }
        }

        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t", $"{threads}", "-c", $"{concurrency}", "-d", $"{seconds}s", "--timeout", "5s",
                     "-s", Path.Combine(AppContext.BaseDirectory, "webhooks.lua"), url.AbsoluteUri, "--", requests, $"{threads}" })
        {
            start.ArgumentList.Add(arg);
        }

        using var load = Process.Start(start)!;
        var output = await load.StandardOutput.ReadToEndAsync();
        await load.WaitForExitAsync();
        var result = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        if (load.ExitCode != 0 || result is null)
            throw new InvalidOperationException($"wrk failed: {output}");
        var (sent, elapsed, p50, p99, failed) = ParseReport(result.Split(' ')[1..]);
        return (sent - failed, elapsed, p50, p99, failed);
    }

    private static (long, double, double, double, long) ParseReport(string[] report) =>
        (long.Parse(report[0], CultureInfo.InvariantCulture), double.Parse(report[1], CultureInfo.InvariantCulture),
            double.Parse(report[2], CultureInfo.InvariantCulture), double.Parse(report[3], CultureInfo.InvariantCulture),
            long.Parse(report[4], CultureInfo.InvariantCulture));

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    /// <summary>The second process: prints "ok seconds p50 p99 failed".</summary>
    public static async Task<int> LoadAsync(Uri url, int count, int concurrency)
    {
        var template = Template();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
        var latencies = new double[count];
        long next = -1, ok = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var body = Encoding.UTF8.GetBytes(template.Replace("{ID}", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.TryAddWithoutValidation(IntercomWebhookSignature.HeaderName, IntercomWebhookSignature.Sign(body, Secret));
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Interlocked.Increment(ref response.IsSuccessStatusCode ? ref ok : ref failed);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ok} {seconds:F3} {latencies[count / 2]:F2} {latencies[(int)(count * 0.99)]:F2} {failed}"));
        return 0;
    }

    // A company as Intercom sends it in company.updated (Intercom's webhook models reference), about 1 KB; {ID} makes
    // each notification new.
    private static string Template() =>
        """
        {"type":"notification_event","app_id":"benchapp","id":"notif_bench_{ID}","topic":"company.updated","created_at":1763900000,"delivery_attempts":1,"first_sent_at":1763900000,
        "data":{"type":"notification_event_data","item":{"type":"company","id":"6500000000000000000{ID}","company_id":"acme-{ID}","name":"Acme {ID}","app_id":"benchapp",
        "created_at":1700000000,"updated_at":1763900000,"last_request_at":1763890000,"remote_created_at":1690000000,"monthly_spend":1250.5,"session_count":431,"user_count":12,
        "size":85,"website":"https://acme.example","industry":"Software","plan":{"type":"plan","id":"3","name":"Pro"},
        "custom_attributes":{"tier":"gold","region":"emea","seats":40},"tags":{"type":"tag.list","tags":[{"type":"tag","id":"81","name":"vip"}]},
        "segments":{"type":"segment.list","segments":[{"type":"segment","id":"5f","name":"Active"}]}}}}
        """.ReplaceLineEndings("");
}
