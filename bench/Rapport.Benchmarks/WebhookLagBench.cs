using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Intercom;
using Rapport.IntercomSimulator;
using Rapport.Application.Import;
using Rapport.Application.Settings;
using Rapport.Web;
using Rapport.Web.Integration;
using Rapport.Hub.Accounts;
using Rapport.Testing;

namespace Rapport.Benchmarks;

/// <summary>
/// The lag a teammate sees: a company renamed in the simulator (PUT /companies/{id}, which sends <c>company.updated</c>
/// as a signed webhook) until the new name is found by the accounts list's search in the hub. One rename at a time,
/// so each figure is the whole path: delivery, endpoint, inbox commit, worker, mapping, store.
/// </summary>
internal static class WebhookLagBench
{
    public static async Task<string> RunAsync(int changes, int companies, int contacts, string machine)
    {
        var folder = Directory.CreateTempSubdirectory("rapport-bench-").FullName;
        var options = new SimulatorOptions { Companies = companies, Contacts = contacts, Seed = 7 };
        await using var simulator = await IntercomSimulatorServer.StartAsync(options, 0);
        await using var app = await RapportWebApp.CreateAsync(new RapportWebOptions
        {
            Database = Path.Combine(folder, "lag.db"),
            Urls = ["http://127.0.0.1:0"],
            AdminPassword = "bench password long enough",
            Intercom = new IntercomAppOptions { ClientId = options.ClientId, ClientSecret = options.ClientSecret, ApiUrl = simulator.BaseAddress },
        });
        await app.StartAsync();
        var store = HubStores.From(app.Services);
        var (_, problem) = await app.Services.GetRequiredService<IntercomConnections>().ConnectAsync("us", options.AccessToken, "token", "bench", CancellationToken.None);
        if (problem is not null)
            throw new InvalidOperationException(problem.Detail);
        var client = await app.Services.GetRequiredService<IntercomConnections>().ClientAsync(CancellationToken.None)
            ?? throw new InvalidOperationException("Not connected.");
        var settings = new IntercomIntegrationSettings { ImportUsersAndCompanies = true, OnlyWithIds = true };
        await settings.SaveAsync(store.SyncState);
        await store.Create<IntercomImporter>(client, settings.ToImportOptions(), TimeProvider.System).RunAsync();
        simulator.ConfigureWebhooks(new Uri(app.BaseAddress, "webhooks/intercom"));

        var accounts = (await store.Browse.ListAccountsAsync(new AccountQuery { PageSize = 50 })).Rows;
        var intercomIds = simulator.Workspace.Companies.Where(c => c.CompanyId is not null).ToDictionary(c => c.CompanyId!, c => c.Id, StringComparer.Ordinal);
        Console.Error.WriteLine($"webhook-lag: {changes} renames, one at a time, each until the accounts list finds it…");
        var lags = new double[changes];
        var calls = new double[changes];
        for (var i = 0; i < changes; i++)
        {
            var account = accounts[i % accounts.Count];
            var name = string.Create(CultureInfo.InvariantCulture, $"Lag probe {i:D5}");
            var started = Stopwatch.GetTimestamp();
            await client.UpdateCompanyAsync(intercomIds[account.ExternalId], new IntercomCompanyUpdate { Name = name });
            calls[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            while ((await store.Browse.ListAccountsAsync(new AccountQuery { Search = name, PageSize = 1 })).Rows.Count == 0)
            {
                if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
                    throw new TimeoutException($"\"{name}\" never showed up in the hub.");
                await Task.Delay(1);
            }

            lags[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        await app.StopAsync();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        Array.Sort(lags);
        Array.Sort(calls);
        return string.Create(CultureInfo.InvariantCulture,
            $"| webhook lag (SQLite) | {companies:N0} companies, {contacts:N0} contacts; {changes} company renames in the simulator, one at a time, until the accounts list's search finds the new name | p50 {lags[changes / 2]:F1} ms, p99 {lags[(int)(changes * 0.99)]:F1} ms, max {lags[^1]:F1} ms (the rename call itself: p50 {calls[changes / 2]:F1} ms) | **p50 {lags[changes / 2]:F1} ms** from change to visible | {machine} |");
    }
}
