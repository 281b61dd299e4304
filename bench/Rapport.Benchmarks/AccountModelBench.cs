using System.Diagnostics;
using System.Globalization;
using Rapport.Cli;
using Rapport.Hub.Events;
using Rapport.Hub.Sources;
using Rapport.Storage;
using Rapport.Application.Model;
using Rapport.Testing;

namespace Rapport.Benchmarks;

/// <summary>
/// The account model at scale: accounts, users and data events written straight into a store, the demo's definitions
/// saved (which computes every account), then the recompute that follows one new event: that event stored, and its
/// account alone computed again, as the webhook worker does.
/// </summary>
internal static class AccountModelBench
{
    private const int UsersPerAccount = 5;
    private const int Runs = 21;

    public static async Task<string> RunAsync(string? database, int accounts, int events, string machine)
    {
        var folder = Directory.CreateTempSubdirectory("rapport-bench-").FullName;
        try
        {
            await using var store = await HubStores.OpenAsync(database ?? Path.Combine(folder, "bench.db"), TimeProvider.System);
            var storeName = store.Provider == "sqlite" ? "SQLite" : "PostgreSQL";
            Console.Error.WriteLine($"account-model: {accounts:N0} accounts, {accounts * UsersPerAccount:N0} users, {events:N0} events into {storeName}…");
            var now = TimeProvider.System.GetUtcNow();
            await SeedAccountsAsync(store, accounts, now);
            await SeedEventsAsync(store, accounts, events, now);

            var model = store.Create<AccountModelService>(TimeProvider.System);
            var clock = Stopwatch.StartNew();
            var saved = await model.SaveAsync(DemoModel.Definitions, "bench");
            var save = clock.Elapsed.TotalSeconds;
            if (!saved.Succeeded)
                throw new InvalidOperationException(string.Join("; ", saved.Problems.Select(p => p.ToString())));
            clock.Restart();
            var all = await model.RecomputeAllAsync();
            var full = clock.Elapsed.TotalSeconds;

            var random = new Random(11);
            var times = new List<double>();
            for (var run = 0; run <= Runs; run++)
            {
                var account = random.Next(accounts);
                var id = (await store.Browse.FindAccountAsync(AccountKey(account))).ShouldExist().Id.Value;
                clock.Restart();
                await store.Events.RecordEventsAsync([Event(account, random.Next(UsersPerAccount), DemoModel.Events[random.Next(DemoModel.Events.Length)], now)]);
                await model.RecomputeAsync([id]);
                if (run > 0)
                    times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            return string.Create(CultureInfo.InvariantCulture,
                $"| account model ({storeName}) | {accounts:N0} accounts, {accounts * UsersPerAccount:N0} users, {events:N0} events; the demo's definitions (MRR, type, owner, 2 elements, 3 metrics, 2 indicators, 2 segments, 2 health scores) | one new event stored and its account recomputed: median of {Runs} {times[Runs / 2]:F1} ms (max {times[^1]:F1} ms); saving the definitions {save:F1} s; full recompute of {all:N0} accounts {full:F1} s ({all / full:N0} accounts/s) | **one account after an event: {times[Runs / 2]:F1} ms** | {machine} |");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string AccountKey(int account) => $"acct_{account:D6}";

    private static string UserKey(int account, int user) => $"user_{account:D6}_{user}";

    private static async Task SeedAccountsAsync(HubStores store, int accounts, DateTimeOffset now)
    {
        var random = new Random(7);
        var companies = new List<CompanyDecision>(2_000);
        var contacts = new List<SourceContact>(2_000 * UsersPerAccount);
        for (var i = 0; i < accounts; i++)
        {
            var plan = random.Next(4) == 0 ? "Enterprise" : "Pro";
            // A tenth are trials ending within a month either side of now (Intercom keeps dates as Unix seconds).
            var trial = random.Next(10) == 0 ? $$""", "trial_ends_at": {{now.AddDays(random.Next(-30, 30)).ToUnixTimeSeconds()}}""" : "";
            var attributes = $$"""{"mrr": {{random.Next(50, 2_000)}}, "owner_user_id": "{{UserKey(i, 0)}}"{{trial}}}""";
            companies.Add(new CompanyDecision(new SourceCompany(
                "intercom", $"{i:x24}", AccountKey(i), $"Account {i}", plan, null, UsersPerAccount, random.Next(0, 20_000), random.Next(1, 5_000),
                "Software", null, now.AddDays(-random.Next(30, 1_000)), now.AddDays(-1), now.AddDays(-random.Next(0, 40)),
                [], [], attributes, $$"""{"type":"company","id":"{{i:x24}}"}"""), true, null));
            for (var u = 0; u < UsersPerAccount; u++)
            {
                contacts.Add(new SourceContact(
                    "intercom", $"c{i:x20}{u}", UserKey(i, u), $"{UserKey(i, u)}@example.com", $"User {i}/{u}", now.AddDays(-100), now.AddDays(-1),
                    now.AddDays(-random.Next(0, 40)), [], [$"{i:x24}"], "{}", "{}"));
            }

            if (companies.Count == companies.Capacity || i == accounts - 1)
            {
                await store.Sources.ApplyCompaniesAsync(companies, "bench");
                await store.Sources.MirrorContactsAsync(contacts, "bench");
                companies.Clear();
                contacts.Clear();
            }
        }

        await store.Sources.DeriveUsersAsync("intercom");
    }

    private static async Task SeedEventsAsync(HubStores store, int accounts, int events, DateTimeOffset now)
    {
        var random = new Random(9);
        var batch = new List<SourceEvent>(5_000);
        var clock = Stopwatch.StartNew();
        for (var e = 0; e < events; e++)
        {
            // Spread over the last 60 days at one-second resolution, so Intercom's de-duplication key rarely repeats.
            var at = now.AddSeconds(-random.Next(0, 60 * 24 * 3600));
            batch.Add(Event(random.Next(accounts), random.Next(UsersPerAccount), DemoModel.Events[random.Next(DemoModel.Events.Length)], at));
            if (batch.Count == batch.Capacity || e == events - 1)
            {
                await store.Events.RecordEventsAsync(batch);
                batch.Clear();
            }
        }

        Console.Error.WriteLine($"  events written in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static SourceEvent Event(int account, int user, string name, DateTimeOffset at) =>
        new("intercom", "bench", UserKey(account, user), null, name, at, "{}");

    private static T ShouldExist<T>(this T? value) where T : class =>
        value ?? throw new InvalidOperationException("The seeded account is missing.");
}
