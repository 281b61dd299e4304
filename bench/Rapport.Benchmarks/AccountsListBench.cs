using System.Diagnostics;
using System.Globalization;
using Rapport.Hub.Sources;
using Rapport.Storage;
using Rapport.Hub.Accounts;
using Rapport.Testing;

namespace Rapport.Benchmarks;

/// <summary>
/// The accounts list at scale: accounts written straight into a store (no simulator, no HTTP), then the first page, a
/// page 1,000 cursors deep, a filtered page and a search, each the median of several runs.
/// </summary>
internal static class AccountsListBench
{
    private const int Runs = 9;
    private const int DeepPages = 1_000;

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ne", "ro", "sa", "ti", "vu", "ze", "qua", "bri", "dor"];
    private static readonly string?[] Plans = ["Free", "Starter", "Pro", "Enterprise", null];

    public static async Task<string> RunAsync(string? database, int accounts, string machine)
    {
        var folder = Directory.CreateTempSubdirectory("rapport-bench-").FullName;
        try
        {
            await using var store = await HubStores.OpenAsync(database ?? Path.Combine(folder, "bench.db"), TimeProvider.System);
            var storeName = store.Provider == "sqlite" ? "SQLite" : "PostgreSQL";
            Console.Error.WriteLine($"accounts-list: writing {accounts:N0} accounts into {storeName}…");
            var seeding = Stopwatch.StartNew();
            await SeedAsync(store, accounts);
            Console.Error.WriteLine($"  written in {seeding.Elapsed.TotalSeconds:F1} s");

            var first = await MedianAsync(() => store.Browse.ListAccountsAsync(new AccountQuery()));
            var query = new AccountQuery();
            for (var i = 0; i < DeepPages; i++)
                query = query with { Cursor = (await store.Browse.ListAccountsAsync(query)).Next };
            var deep = await MedianAsync(() => store.Browse.ListAccountsAsync(query));
            var deepBySpend = new AccountQuery { Sort = AccountSort.MonthlySpend, Descending = true };
            for (var i = 0; i < DeepPages; i++)
                deepBySpend = deepBySpend with { Cursor = (await store.Browse.ListAccountsAsync(deepBySpend)).Next };
            var spend = await MedianAsync(() => store.Browse.ListAccountsAsync(deepBySpend));
            var filtered = await MedianAsync(() => store.Browse.ListAccountsAsync(new AccountQuery { Tag = "tag-07", Plan = "Pro", Sort = AccountSort.LastSeen }));
            var search = await MedianAsync(() => store.Browse.ListAccountsAsync(new AccountQuery { Search = "Kalo" }));
            var total = await MedianAsync(() => store.Browse.ListAccountsAsync(new AccountQuery { IncludeTotal = true }));
            var facets = await MedianAsync(() => store.Browse.GetAccountFacetsAsync());

            return string.Create(CultureInfo.InvariantCulture,
                $"| accounts list ({storeName}) | {accounts:N0} accounts, 50 a page, median of {Runs} | first page {first:F1} ms; page {DeepPages + 1:N0} by name {deep:F1} ms, by spend {spend:F1} ms; tag + plan filter {filtered:F1} ms; search {search:F1} ms; first page with total {total:F1} ms; facets {facets:F0} ms | **page {DeepPages + 1:N0}: {deep:F1} ms vs page 1: {first:F1} ms** | {machine} |");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task SeedAsync(HubStores store, int accounts)
    {
        var random = new Random(7);
        var now = TimeProvider.System.GetUtcNow();
        var batch = new List<CompanyDecision>(2_000);
        for (var i = 0; i < accounts; i++)
        {
            var name = string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => Syllables[random.Next(Syllables.Length)]));
            var plan = Plans[random.Next(Plans.Length)];
            var company = new SourceCompany(
                "intercom", $"{i:x24}", $"acct_{i:D7}", char.ToUpperInvariant(name[0]) + name[1..] + (random.Next(3) == 0 ? " Inc" : ""),
                plan, plan is null ? null : random.Next(0, 5_000), random.Next(0, 200), random.Next(0, 20_000), random.Next(1, 5_000),
                "Software", null, now.AddDays(-random.Next(30, 1_000)), now.AddDays(-random.Next(0, 30)),
                random.Next(10) == 0 ? null : now.AddMinutes(-random.Next(0, 90 * 24 * 60)),
                [.. Enumerable.Range(0, random.Next(4)).Select(_ => $"tag-{random.Next(20):D2}").Distinct()],
                [.. Enumerable.Range(0, random.Next(3)).Select(_ => $"Segment {random.Next(8)}").Distinct()],
                $$"""{"tier": "{{(random.Next(3) == 0 ? "gold" : "silver")}}", "seats": {{random.Next(1, 500)}}}""",
                $$"""{"type":"company","id":"{{i:x24}}","company_id":"acct_{{i:D7}}"}""");
            batch.Add(new CompanyDecision(company, true, null));
            if (batch.Count == batch.Capacity || i == accounts - 1)
            {
                await store.Sources.ApplyCompaniesAsync(batch, "bench");
                batch.Clear();
            }
        }
    }

    /// <summary>Milliseconds, the median of <see cref="Runs"/> runs after one warm-up.</summary>
    private static async Task<double> MedianAsync<T>(Func<Task<T>> run)
    {
        await run();
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[Runs / 2];
    }
}
