using Rapport.IntercomSimulator;
using Rapport.Storage;
using Rapport.Application.Settings;
using Rapport.Testing;

namespace Rapport.Tests;

/// <summary>A hub set up from the command line alone: check, import and push, with no web app in between.</summary>
public sealed class CliOnlyHubSpecs : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-cli-hub-").FullName;
    private IntercomSimulatorServer _simulator = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _simulator = await IntercomSimulatorServer.StartAsync(
            new SimulatorOptions { Companies = 40, Contacts = 300, Seed = 7, RateLimitPerMinute = null }, 0, Cancel);

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<RapportResult> RunAsync(params string[] args) =>
        RapportProcess.RunAsync(_folder, [.. args, "--intercom-url", _simulator.BaseAddress.ToString(), "--token", "sim_token"]);

    private async Task<IntercomIntegrationSettings> SettingsAsync()
    {
        await using var store = await HubStores.OpenAsync(Path.Combine(_folder, "hub.db"), TimeProvider.System, Cancel);
        return await IntercomIntegrationSettings.LoadAsync(store.SyncState, Cancel);
    }

    [Fact]
    public async Task The_first_import_turns_on_Import_users_and_companies_with_its_only_with_ids_choice_so_the_push_can_be_enabled()
    {
        // Act
        var import = await RunAsync("import", "--database", "hub.db", "--only-with-ids", "--last-seen-days", "120");
        var afterImport = await SettingsAsync();
        var dryRun = await RunAsync("push", "--database", "hub.db", "--enable", "--dry-run");
        var push = await RunAsync("push", "--database", "hub.db", "--enable");

        // Assert
        import.ExitCode.ShouldBe(0, import.ToString());
        dryRun.ExitCode.ShouldBe(0, dryRun.ToString());
        push.ExitCode.ShouldBe(0, push.ToString());
        push.Error.ShouldBeEmpty();
        (afterImport.ImportUsersAndCompanies, afterImport.OnlyWithIds, afterImport.LastSeenDays, afterImport.UpdateCompanies).ShouldBe((true, true, 120, false));
        var settings = await SettingsAsync();
        (settings.ImportUsersAndCompanies, settings.OnlyWithIds, settings.UpdateCompanies).ShouldBe((true, true, true));
    }

    [Fact]
    public async Task Check_with_a_database_says_where_the_hubs_import_stands_and_status_shows_the_last_check()
    {
        var companies = _simulator.Workspace.Companies.Count(c => c.CompanyId is null);
        var users = _simulator.Workspace.Contacts.Count(c => c.Role == "user" && c.ExternalId is null);

        // Act
        var hubless = await RunAsync("check");
        var first = await RunAsync("check", "--database", "hub.db");
        var status = await RapportProcess.RunAsync(_folder, "status", "--database", "hub.db");
        var import = await RunAsync("import", "--database", "hub.db", "--only-with-ids");
        var again = await RunAsync("check", "--database", "hub.db");

        // Assert
        hubless.ExitCode.ShouldBe(2, hubless.ToString());
        File.Exists(Path.Combine(_folder, "rapport.db")).ShouldBeFalse("a check with no hub named creates none");
        first.ExitCode.ShouldBe(2, first.ToString());
        Flat(first.Output).ShouldContain("This hub's import is not enabled yet: rapport import will refuse until the ids are set");
        status.ExitCode.ShouldBe(0, status.ToString());
        Flat(status.Output).ShouldContain("Last pre-enable check: ");
        Flat(status.Output).ShouldContain("(rapport check): ");
        Flat(status.Output).ShouldContain($"{companies:N0} companies without company_id, {users:N0} users without user_id");
        import.ExitCode.ShouldBe(0, import.ToString());
        again.ExitCode.ShouldBe(2, again.ToString());
        Flat(again.Output).ShouldContain("This hub's import is enabled (since");
        Flat(again.Output).ShouldContain($"rapport import): {companies:N0} companies without company_id, {users:N0} users without user_id; now {companies:N0} and {users:N0}.");
    }

    /// <summary>The console wraps long lines at its width.</summary>
    private static string Flat(string output) => System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");
}
