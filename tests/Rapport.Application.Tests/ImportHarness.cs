using Microsoft.Extensions.DependencyInjection;
using Rapport.Intercom;
using Rapport.IntercomSimulator;
using Rapport.Storage;
using Rapport.Application.Check;
using Rapport.Application.Import;
using Rapport.Application.Tests.Faults;
using Rapport.Testing;

namespace Rapport.Application.Tests;

/// <summary>
/// A simulator workspace on loopback (empty unless asked otherwise), the real Intercom client pointed at it, and hub
/// stores in SQLite files of a temporary folder.
/// </summary>
internal sealed class ImportHarness : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-sync-").FullName;
    private readonly List<IAsyncDisposable> _disposables = [];

    private ImportHarness(SimulatedIntercom intercom, HurriedClock? clock) => (_intercom, _clock) = (intercom, clock);

    private readonly SimulatedIntercom _intercom;

    private readonly HurriedClock? _clock;

    public IntercomSimulatorServer Simulator => _intercom.Server;

    public SimulatorWorkspace Workspace => Simulator.Workspace;

    /// <summary>The simulator's, the client's and the importer's clock.</summary>
    public TimeProvider Clock => _clock ?? TimeProvider.System;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public static async Task<ImportHarness> StartAsync(int companies = 0, int contacts = 0, int? rateLimitPerMinute = null)
    {
        var intercom = await SimulatedIntercom.StartAsync(
            new SimulatorOptions { Companies = companies, Contacts = contacts, Seed = 11, RateLimitPerMinute = rateLimitPerMinute, ScrollExpiry = TimeSpan.FromSeconds(2) },
            cancellationToken: TestContext.Current.CancellationToken);
        return new ImportHarness(intercom, clock: null);
    }

    /// <summary>
    /// A workspace on a <see cref="HurriedClock"/>: Intercom's own timings (a one-minute scroll expiry, 10-second rate-limit
    /// windows) and the client's default backoff, with every wait passing at once.
    /// </summary>
    public static async Task<ImportHarness> StartHurriedAsync(int companies, int contacts, int scrollPageSize = 50)
    {
        var clock = new HurriedClock(horizon: TimeSpan.FromMinutes(10));
        var intercom = await SimulatedIntercom.StartAsync(
            new SimulatorOptions { Companies = companies, Contacts = contacts, Seed = 11, RateLimitPerMinute = null, ScrollPageSize = scrollPageSize, TimeProvider = clock },
            cancellationToken: TestContext.Current.CancellationToken);
        return new ImportHarness(intercom, clock);
    }

    /// <summary>The SQLite file of the store <see cref="OpenStoreAsync"/> opens under <paramref name="name"/>.</summary>
    public string DatabasePath(string name) => Path.Combine(_folder, name + ".db");

    public async Task<HubStores> OpenStoreAsync(string name = "hub", TimeProvider? timeProvider = null)
    {
        var store = await HubStores.OpenAsync(DatabasePath(name), timeProvider ?? TimeProvider.System, TestContext.Current.CancellationToken);
        _disposables.Add(store);
        return store;
    }

    /// <summary>A client of its own on <see cref="Clock"/>; <paramref name="configure"/> changes its options.</summary>
    public IntercomClient Client(Action<IntercomClientOptions>? configure = null) =>
        _intercom.CreateClient(
            o =>
            {
                // The simulator says how long it keeps a scroll that is no longer used.
                o.ScrollExpiry = Simulator.Options.ScrollExpiry;
                if (_clock is not null)
                    o.RequestTimeout = TimeSpan.FromHours(1); // past the hurried clock's horizon: a real timeout, never reached
                configure?.Invoke(o);
            },
            Clock,
            _clock is null ? null : _clock.TrackRequests);

    public Task<ImportSummary> ImportAsync(HubStores store, ImportOptions? options = null, IProgress<ImportProgress>? progress = null) =>
        store.Create<IntercomImporter>(Client(), options ?? new ImportOptions(), Clock)
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
        foreach (var disposable in Enumerable.Reverse(_disposables))
            await disposable.DisposeAsync();
        await _intercom.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
