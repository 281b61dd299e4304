using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Benchmarks;
using Rapport.Intercom;
using Rapport.Storage;
using Rapport.Application.Import;
using Rapport.Testing;

// rapport-bench unthrottled [--companies 10000] [--contacts 100000] [--database postgres://… (an empty database; default a temporary SQLite file)]
// rapport-bench rate-limited [--companies 2000] [--contacts 150000] [--rate-limit 1200]
// rapport-bench accounts-list [--accounts 100000] [--database …]: the accounts list's pages over accounts written straight into a store
// rapport-bench webhooks [--notifications 200000] [--connections 16] [--seconds 20] [--database …]: signed webhooks posted into the web app
//   by wrk when it is on the PATH (for --seconds, cycling through --notifications distinct ones), else by a second .NET process (each once)
// rapport-bench webhook-lag [--changes 200] [--companies 10000] [--contacts 100000]: a company renamed in the simulator until the hub's accounts list finds it, one at a time
// rapport-bench push [--companies 10000] [--changed-percent 5] [--rate-limit 600]: the second push after a metric changed on a share of the companies, rate-limited
// rapport-bench account-model [--accounts 10000] [--events 1000000] [--database …]: one account's recompute after an event, and a full recompute
// rapport-bench segment [--batches 3000] [--connections 8] [--singles 2000] [--database …]: Segment /v1/batch ingest (events/s durable) for known users, single /v1/track latency while the worker applies and once drained
// Each prints one markdown table row; --readme FILE also replaces the scenario's row there.
var scenario = args.FirstOrDefault() ?? "unthrottled";
var marker = scenario + (Array.IndexOf(args, "--database") >= 0 ? "-postgresql" : "");
int Arg(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
string? readme = Array.IndexOf(args, "--readme") is var r and >= 0 ? args[r + 1] : null;
string? database = Array.IndexOf(args, "--database") is var d and >= 0 ? args[d + 1] : null;

if (scenario == "webhooks-load")
    return await WebhooksBench.LoadAsync(new Uri(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));

// webhook-lag runs on SQLite only: its row keeps the plain marker whatever --database says.
var scenarioRow = scenario switch
{
    "accounts-list" => await AccountsListBench.RunAsync(database, Arg("--accounts", 100_000), Machine()),
    "push" => await PushBench.RunAsync(Arg("--companies", 10_000), Arg("--changed-percent", 5), Arg("--rate-limit", 600), Machine()),
    "account-model" => await AccountModelBench.RunAsync(database, Arg("--accounts", 10_000), Arg("--events", 1_000_000), Machine()),
    "webhook-lag" => await WebhookLagBench.RunAsync(Arg("--changes", 200), Arg("--companies", 10_000), Arg("--contacts", 100_000), Machine()),
    "segment" => await SegmentIngestBench.RunAsync(database, Arg("--batches", 3_000), Arg("--connections", 8), Arg("--singles", 2_000), Machine()),
    "webhooks" => await WebhooksBench.RunAsync(database, Arg("--notifications", 200_000), Arg("--connections", 16), Arg("--seconds", 20), Machine()),
    _ => null,
};
if (scenarioRow is not null)
{
    Console.WriteLine(scenarioRow);
    if (readme is not null)
        RecordInReadme(readme, scenario == "webhook-lag" ? scenario : marker, scenarioRow);
    return 0;
}

var limited = scenario == "rate-limited";
var companies = Arg("--companies", limited ? 2_000 : 10_000);
var contacts = Arg("--contacts", limited ? 150_000 : 100_000);
var perMinute = limited ? Arg("--rate-limit", 1_200) : (int?)null;

Console.Error.WriteLine($"{scenario}: seeding a simulator with {companies:N0} companies and {contacts:N0} contacts…");
await using var simulator = await SimulatorProcess.StartAsync(companies, contacts, perMinute?.ToString(CultureInfo.InvariantCulture) ?? "off", CancellationToken.None);
var folder = Directory.CreateTempSubdirectory("rapport-bench-").FullName;
await using var store = await HubStores.OpenAsync(database ?? Path.Combine(folder, "bench.db"), TimeProvider.System);
var storeName = store.Provider == "sqlite" ? "SQLite" : "PostgreSQL";

var calls = new CallClock();
var services = new ServiceCollection();
services.AddSingleton(TimeProvider.System);
services.AddRapportIntercom(o => { o.BaseAddress = simulator.BaseAddress; o.AccessToken = "sim_token"; })
    .AddHttpMessageHandler(calls.Handler);

// Intercom's windows are aligned to multiples of 10 seconds: start on a boundary, so the first window is a whole one.
var window = TimeSpan.FromSeconds(10);
var windowStart = DateTimeOffset.FromUnixTimeSeconds((DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 10 + 1) * 10);
if (limited)
    await Task.Delay(windowStart - DateTimeOffset.UtcNow);
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<IntercomClient>();

Console.Error.WriteLine("importing…");
var clock = Stopwatch.StartNew();
var phases = new PhaseClock();
var summary = await store.Create<IntercomImporter>(client, new ImportOptions { OnlyWithIds = true }, TimeProvider.System).RunAsync(phases);
phases.Close();
var elapsed = clock.Elapsed.TotalSeconds;
var records = summary.Companies.Seen + summary.Users.ContactsSeen;
var peakRssMb = PeakRssMegabytes();

string row;
if (limited)
{
    var allowedPerWindow = perMinute!.Value / 6;
    var (inWindows, windows) = calls.InWholeWindows(windowStart, window);
    var efficiency = (double)inWindows / (windows * allowedPerWindow);
    row = Invariant($"| rate-limited import | {companies:N0} companies, {contacts:N0} contacts, limit {perMinute:N0}/min ({allowedPerWindow} per 10 s) | {summary.ApiCalls:N0} calls in {elapsed:F1} s; {inWindows:N0} in the {windows} whole windows = {inWindows / (windows * window.TotalSeconds):F2} calls/s of {allowedPerWindow / window.TotalSeconds:F2} allowed | **efficiency {efficiency:F3}**, {summary.RateLimitedResponses} × 429 | {Machine()} |");
}
else
{
    row = Invariant($"| unthrottled import ({storeName}) | {companies:N0} companies, {contacts:N0} contacts | {records:N0} records in {elapsed:F1} s ({summary.ApiCalls:N0} API calls) | **{records / elapsed:N0} records/s**, peak RSS {peakRssMb:N0} MB | {Machine()} |");
}
Console.WriteLine(row);
if (readme is not null)
    RecordInReadme(readme, marker, row);
Directory.Delete(folder, recursive: true);
return 0;

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

static double PeakRssMegabytes()
{
    // VmHWM is the resident set's high-water mark of this process: the importer, the client and the store.
    var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
}

static string Machine()
{
    var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
    var memory = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
    return Invariant($"{Environment.ProcessorCount} cores, {cpu}, {long.Parse(memory, CultureInfo.InvariantCulture) / 1024 / 1024} GiB, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
}

static void RecordInReadme(string path, string scenario, string row)
{
    // The scenario's row carries an invisible marker in its last cell, so it can be found and replaced.
    var marker = $"<!-- {scenario} -->";
    var lines = File.ReadAllLines(path);
    var index = Array.FindIndex(lines, l => l.EndsWith(marker, StringComparison.Ordinal));
    if (index < 0)
        throw new InvalidOperationException($"{path} has no table row ending in {marker}");
    lines[index] = $"{row} {marker}";
    File.WriteAllLines(path, lines);
}
