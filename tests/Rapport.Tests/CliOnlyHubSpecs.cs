using Rapport.IntercomSimulator;
using Rapport.Storage;
using Rapport.Sync.Settings;

namespace Rapport.Tests;

/// <summary>A hub set up from the command line alone: import and push, with no web app in between.</summary>
public sealed class CliOnlyHubSpecs : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("rapport-cli-hub-").FullName;
    private IntercomSimulatorServer simulator = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        simulator = await IntercomSimulatorServer.StartAsync(
            new SimulatorOptions { Companies = 40, Contacts = 300, Seed = 7, RateLimitPerMinute = null }, 0, Cancel);

    public async ValueTask DisposeAsync()
    {
        await simulator.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private Task<RapportResult> RunAsync(params string[] args) =>
        RapportProcess.RunAsync(folder, [.. args, "--intercom-url", simulator.BaseAddress.ToString(), "--token", "sim_token"]);

    private async Task<IntercomIntegrationSettings> SettingsAsync()
    {
        await using var store = await HubStoreFactory.OpenAsync(Path.Combine(folder, "hub.db"), TimeProvider.System, Cancel);
        return await IntercomIntegrationSettings.LoadAsync(store, Cancel);
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
}
