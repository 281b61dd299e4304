using Microsoft.Extensions.DependencyInjection;
using Rapport.Hub.Storage;
using Rapport.Intercom;
using Rapport.IntercomSimulator;
using Rapport.Storage;
using Rapport.Sync.Check;
using Rapport.Sync.Import;

namespace Rapport.Sync.Tests;

/// <summary>
/// A simulator workspace on loopback (empty unless asked otherwise), the real Intercom client pointed at it, and hub
/// stores in SQLite files of a temporary folder.
/// </summary>
internal sealed class ImportHarness : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rapport-sync-").FullName;
    private readonly List<IAsyncDisposable> disposables = [];

    private ImportHarness(IntercomSimulatorServer simulator) => Simulator = simulator;

    public IntercomSimulatorServer Simulator { get; }

    public SimulatorWorkspace Workspace => Simulator.Workspace;

    public DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public static async Task<ImportHarness> StartAsync(int companies = 0, int contacts = 0, int? rateLimitPerMinute = null)
    {
        var simulator = await IntercomSimulatorServer.StartAsync(
            new SimulatorOptions { Companies = companies, Contacts = contacts, Seed = 11, RateLimitPerMinute = rateLimitPerMinute, ScrollExpiry = TimeSpan.FromSeconds(2) },
            0, TestContext.Current.CancellationToken);
        return new ImportHarness(simulator);
    }

    public async Task<IHubStore> OpenStoreAsync(string name = "hub", TimeProvider? timeProvider = null)
    {
        var store = await HubStoreFactory.OpenAsync(Path.Combine(folder, name + ".db"), timeProvider ?? TimeProvider.System, TestContext.Current.CancellationToken);
        disposables.Add(store);
        return store;
    }

    public IntercomClient Client()
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddRapportIntercom(o =>
        {
            o.BaseAddress = Simulator.BaseAddress;
            o.AccessToken = "sim_token";
        });
        var provider = services.BuildServiceProvider();
        disposables.Add(provider);
        return provider.GetRequiredService<IntercomClient>();
    }

    public Task<ImportSummary> ImportAsync(IHubStore store, ImportOptions? options = null, IProgress<ImportProgress>? progress = null) =>
        new IntercomImporter(Client(), store, options ?? new ImportOptions(), TimeProvider.System)
            .RunAsync(progress, TestContext.Current.CancellationToken);

    public Task<PreEnableReport> CheckAsync() =>
        new PreEnableCheck(Client()).RunAsync(cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>A company with an id, seen <paramref name="daysAgo"/> days ago, and <paramref name="users"/> users with ids.</summary>
    public SimulatedCompany Company(string companyId, double daysAgo = 1, int users = 0, string plan = "Pro")
    {
        var company = Workspace.AddCompany(c =>
        {
            c.CompanyId = companyId;
            c.Name = $"Company {companyId}";
            c.Plan = plan;
            c.LastRequestAt = Now.AddDays(-daysAgo);
        });
        for (var i = 0; i < users; i++)
            User($"{companyId}-user-{i}", company.Id);
        return company;
    }

    public SimulatedContact User(string? externalId, params string[] companyIds)
    {
        var contact = Workspace.AddContact(c =>
        {
            c.Role = "user";
            c.ExternalId = externalId;
            c.Email = $"{externalId ?? Guid.NewGuid().ToString("N")}@example.com";
            c.Name = $"User {externalId}";
        });
        foreach (var companyId in companyIds)
            Workspace.Attach(contact.Id, companyId);
        return contact;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(disposables))
            await disposable.DisposeAsync();
        await Simulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
