using Rapport.Hub.Accounts;
using Rapport.Hub.Model;
using Rapport.Intercom;
using Rapport.IntercomSimulator;
using Rapport.Application.Import;
using Rapport.Application.Push;
using Rapport.Application.Settings;
using Rapport.Testing;

namespace Rapport.Application.Tests.Push;

/// <summary>
/// A simulator workspace imported into a SQLite hub with the push turned on, and account states written as the model
/// would write them, so each spec says exactly what an account holds and reads what landed in the simulator.
/// </summary>
internal sealed class PushHarness : IAsyncDisposable
{
    private readonly ImportHarness _import;

    private PushHarness(ImportHarness import, HubStores store)
    {
        _import = import;
        Store = store;
    }

    public HubStores Store { get; }

    public IntercomSimulatorServer Simulator => _import.Simulator;

    public SimulatorWorkspace Workspace => _import.Workspace;

    public SimulatorStats Stats => _import.Simulator.Stats;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Companies <paramref name="companyIds"/> with two users each (<c>{id}-user-0</c>, <c>{id}-user-1</c>), imported.</summary>
    public static Task<PushHarness> StartAsync(params string[] companyIds) => StartAsync(_ => { }, companyIds);

    /// <summary>As <see cref="StartAsync(string[])"/>, with <paramref name="before"/> changing the workspace before the import.</summary>
    public static async Task<PushHarness> StartAsync(Action<SimulatorWorkspace> before, params string[] companyIds)
    {
        var import = await ImportHarness.StartAsync();
        foreach (var id in companyIds)
            import.Company(id, users: 2);
        before(import.Workspace);
        var store = await import.OpenStoreAsync();
        await import.ImportAsync(store, new ImportOptions());
        await new IntercomIntegrationSettings { ImportUsersAndCompanies = true, UpdateCompanies = true }.SaveAsync(store.SyncState, Ct);
        return new PushHarness(import, store);
    }

    public Task SettingsAsync(PushSettings settings) => settings.SaveAsync(Store.SyncState, Ct);

    /// <summary>Writes the account's state as a recompute would.</summary>
    public async Task StateAsync(string accountExternalId, Func<AccountState, AccountState>? change = null)
    {
        var account = (await Store.Browse.FindAccountAsync(accountExternalId, Ct)).ShouldNotBeNull();
        var state = Fixture(account.Id, accountExternalId);
        await Store.Model.SaveAccountStatesAsync([change is null ? state : change(state)], 1, Ct);
    }

    /// <summary>An account with MRR, a type, elements, metrics, both kinds of indicators, segments, health and an owner.</summary>
    public static AccountState Fixture(AccountId id, string externalId) => new(
        id,
        DateTimeOffset.UnixEpoch.AddDays(20_000),
        1234.5m,
        "USD",
        AccountType.UnqualifiedTrial,
        new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase) { ["Slack Integration"] = 1, ["zapier_connected"] = 0 },
        new Dictionary<string, decimal?>(StringComparer.OrdinalIgnoreCase) { ["weeklyActiveUsers"] = 12.5m, ["NPS score"] = null },
        [
            Indicator("Unengaged customer", IndicatorKind.Risk, true),
            Indicator("Expansion ready", IndicatorKind.Opportunity, true),
            Indicator("Old risk", IndicatorKind.Risk, false),
            Indicator("Churn Risk", IndicatorKind.Risk, true),
        ],
        ["Enterprise", "EMEA"],
        new Dictionary<string, decimal?>(StringComparer.OrdinalIgnoreCase) { ["Product"] = 7.5m },
        7.5m,
        $"{externalId}-user-0",
        []);

    public static AccountState WithMetric(AccountState state, string name, decimal? value) =>
        state with { Metrics = new Dictionary<string, decimal?>(state.Metrics, StringComparer.OrdinalIgnoreCase) { [name] = value } };

    private static IndicatorState Indicator(string name, IndicatorKind kind, bool active) =>
        new(name, kind, active, DateTimeOffset.UnixEpoch.AddDays(19_990), active ? null : DateTimeOffset.UnixEpoch.AddDays(19_995), 1);

    /// <summary>A push through a client of its own (<paramref name="maxRetries"/> retries, short delays).</summary>
    public Task<PushReport> PushAsync(bool dryRun = false, int maxRetries = 6) =>
        Store.Create<IntercomPush>(Client(maxRetries), TimeProvider.System).RunAsync(dryRun, Ct);

    public SimulatedCompany Company(string companyId) => Workspace.FindCompanyByCompanyId(companyId).ShouldNotBeNull();

    public SimulatedContact User(string externalId) => Workspace.FindContactByExternalId(externalId).ShouldNotBeNull();

    public IReadOnlyList<SimulatedDataAttribute> CustomAttributes(string model, bool includeArchived = false) =>
        [.. Workspace.DataAttributes.Where(a => a.Custom && a.Model == model && (includeArchived || !a.Archived))];

    /// <summary>Ends a fault storm through the control API (DELETE /_simulator/faults).</summary>
    public async Task ClearFaultsAsync()
    {
        using var http = new HttpClient { BaseAddress = Simulator.BaseAddress };
        (await http.DeleteAsync("_simulator/faults", Ct)).EnsureSuccessStatusCode();
    }

    /// <summary>Every push spec ends here: the push may only update, never create.</summary>
    public void NothingCreated()
    {
        Stats.CompaniesCreated.ShouldBe(0);
        Stats.ContactsCreated.ShouldBe(0);
        Stats.RequestsTo("POST /companies").ShouldBe(0);
        Stats.RequestsTo("POST /contacts").ShouldBe(0);
    }

    private IntercomClient Client(int maxRetries) => _import.Client(o =>
    {
        o.MaxRetries = maxRetries;
        o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        o.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
    });

    public ValueTask DisposeAsync() => _import.DisposeAsync();
}
