using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Hub.Model;
using Rapport.Intercom;
using Rapport.IntercomSimulator;
using Rapport.Storage;
using Rapport.Application.Import;
using Rapport.Application.Push;
using Rapport.Application.Settings;
using Rapport.Testing;

namespace Rapport.Benchmarks;

/// <summary>
/// The push at scale: a workspace of companies (one user each) imported, every account given a state and pushed once
/// without a rate limit, then a metric changed on a share of them and the push run again against the rate-limited
/// simulator: the write calls it makes (one per changed company, nothing else) and how much of the rate limit it spends.
/// </summary>
internal static class PushBench
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public static async Task<string> RunAsync(int companies, int changedPercent, int perMinute, string machine)
    {
        var folder = Directory.CreateTempSubdirectory("rapport-bench-").FullName;
        try
        {
            await using var simulator = await IntercomSimulatorServer.StartAsync(new SimulatorOptions { Companies = 0, Contacts = 0, RateLimitPerMinute = null });
            Seed(simulator.Workspace, companies);
            await using var store = await HubStores.OpenAsync(Path.Combine(folder, "bench.db"), TimeProvider.System);
            var calls = new CallClock();
            await using var provider = Client(simulator, calls);
            var client = provider.GetRequiredService<IntercomClient>();
            Console.Error.WriteLine($"push: importing {companies:N0} companies…");
            await store.Create<IntercomImporter>(client, new ImportOptions { OnlyWithIds = true }, TimeProvider.System).RunAsync(null);
            await new IntercomIntegrationSettings { ImportUsersAndCompanies = true, UpdateCompanies = true }.SaveAsync(store.SyncState);
            var ids = await StatesAsync(store, _ => 12m);
            var push = store.Create<IntercomPush>(client, TimeProvider.System);
            Console.Error.WriteLine($"push: first push of {ids.Count:N0} accounts, unthrottled…");
            var first = await push.RunAsync(dryRun: false);
            if (first.Status != "completed" || first.CompaniesUpdated != ids.Count)
                throw new InvalidOperationException($"The first push did not update every company: {first.Status} {first.Error}");

            var changed = ids.Where((_, i) => i % (100 / changedPercent) == 0).ToHashSet();
            await StatesAsync(store, id => changed.Contains(id) ? 40m : 12m);
            simulator.SetRateLimit(perMinute);
            simulator.Stats.Reset();
            calls.Clear();
            Console.Error.WriteLine($"push: {changed.Count:N0} accounts changed; pushing against a limit of {perMinute:N0}/min…");
            var clock = Stopwatch.StartNew();
            var report = await push.RunAsync(dryRun: false);
            var wall = clock.Elapsed.TotalSeconds;

            var writes = simulator.Stats.RequestsTo("PUT /companies/{company_id}") + simulator.Stats.RequestsTo("PUT /contacts/{contact_id}");
            var total = simulator.Stats.Total;
            var allowedPerWindow = perMinute / 6;
            var start = calls.FirstWindowAfterFirstCall(Window);
            var (inWindows, windows) = calls.InWholeWindows(start, Window);
            var bound = total / (allowedPerWindow / Window.TotalSeconds);
            // A push that fits in one window's allowance never meets the limit: there is no rate to compare, only the calls it made.
            var (rate, efficiency) = windows <= 0
                ? ($"{total:N0} calls in all, {wall:F1} s, within one window's allowance, so the limit never applied", "efficiency n/a")
                : ($"{total:N0} calls in all, {wall:F1} s (the limit allows them in {bound:F1} s: {bound / wall:F3}); {inWindows:N0} calls in the {windows} whole windows = {inWindows / (windows * Window.TotalSeconds):F2} calls/s of {allowedPerWindow / Window.TotalSeconds:F2} allowed",
                   $"efficiency {(double)inWindows / (windows * allowedPerWindow):F3}");
            return Invariant(
                $"| push (SQLite) | {ids.Count:N0} companies pushed once, {changed.Count:N0} ({changedPercent} %) with a changed metric pushed again, limit {perMinute:N0}/min ({allowedPerWindow} per 10 s) | {writes:N0} write calls ({report.CompaniesUpdated:N0} companies updated, {report.CompaniesUnchanged:N0} unchanged), {rate} | **{writes:N0} writes, {efficiency}**, {simulator.Stats.RateLimited} × 429, {simulator.Stats.CompaniesCreated + simulator.Stats.ContactsCreated} created | {machine} |");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Seed(SimulatorWorkspace workspace, int companies)
    {
        var seen = TimeProvider.System.GetUtcNow().AddDays(-1);
        for (var i = 0; i < companies; i++)
        {
            var id = Invariant($"co_{i:D6}");
            var company = workspace.AddCompany(c => { c.CompanyId = id; c.Name = $"Company {id}"; c.LastRequestAt = seen; });
            var user = workspace.AddContact(c => { c.Role = "user"; c.ExternalId = $"{id}-owner"; c.Email = $"{id}@example.com"; });
            workspace.Attach(user.Id, company.Id);
        }
    }

    /// <summary>Every account's state, as a recompute writes it, with the metric <c>Seats</c> from <paramref name="seats"/>.</summary>
    private static async Task<List<long>> StatesAsync(HubStores store, Func<long, decimal> seats)
    {
        var ids = new List<long>();
        long after = 0;
        while (await store.Model.ListAccountIdsAsync(after, 1_000) is { Count: > 0 } page)
        {
            ids.AddRange(page);
            after = page[^1];
        }

        var now = TimeProvider.System.GetUtcNow();
        foreach (var chunk in ids.Chunk(1_000))
        {
            await store.Model.SaveAccountStatesAsync([.. chunk.Select(id => new AccountState(
                new(id), now, 100m, "USD", AccountType.Subscribed,
                new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase) { ["Slack Integration"] = 1 },
                new Dictionary<string, decimal?>(StringComparer.OrdinalIgnoreCase) { ["Seats"] = seats(id) },
                [], ["Enterprise"], new Dictionary<string, decimal?>(StringComparer.OrdinalIgnoreCase), 8m, null, []))], 1);
        }

        return ids;
    }

    private static ServiceProvider Client(IntercomSimulatorServer simulator, CallClock calls)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddRapportIntercom(o => { o.BaseAddress = simulator.BaseAddress; o.AccessToken = simulator.Options.AccessToken; })
            .AddHttpMessageHandler(calls.Handler);
        return services.BuildServiceProvider();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
