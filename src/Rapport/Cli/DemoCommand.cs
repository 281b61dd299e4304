using System.CommandLine;
using Rapport.Configuration;
using Rapport.IntercomSimulator;
using Spectre.Console;

namespace Rapport.Cli;

/// <summary>
/// <c>rapport demo</c>: the whole job on an embedded default — a seeded simulator workspace, the pre-enable check, the
/// import into a fresh SQLite hub, and the summary. The seeded workspace has companies and users without ids on purpose,
/// so the demo shows the check's findings and then imports only what has ids, as <c>--only-with-ids</c> would.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultDatabase = "rapport-demo.db";

    public static Command Create()
    {
        var workspace = new WorkspaceOptions();
        var database = new Option<string>("--database") { Description = "SQLite file for the demo hub (recreated on each run)", DefaultValueFactory = _ => DefaultDatabase };
        var noServe = new Option<bool>("--no-serve") { Description = "Exit after the summary instead of serving" };
        var rateLimit = new Option<string>("--rate-limit") { Description = "The simulator's calls per minute, or 'off'", DefaultValueFactory = _ => "10000" };

        var command = new Command("demo", "Seed an Intercom simulator, check it, import it into a fresh hub and print the summary");
        workspace.AddTo(command);
        command.Options.Add(database);
        command.Options.Add(noServe);
        command.Options.Add(rateLimit);
        command.SetAction((result, cancellationToken) => UserErrors.RunAsync(async () =>
        {
            var (companies, contacts, seed) = workspace.Read(result);
            var path = result.GetRequiredValue(database);
            DeleteSqlite(path);

            var console = AnsiConsole.Console;
            var options = new SimulatorOptions
            {
                Companies = companies,
                Contacts = contacts,
                Seed = seed,
                RateLimitPerMinute = WorkspaceOptions.ParseRateLimit(result.GetRequiredValue(rateLimit)),
            };
            console.MarkupLineInterpolated($"Seeding an Intercom simulator workspace: {companies:N0} companies, {contacts:N0} contacts (seed {seed})…");
            await using var simulator = await IntercomSimulatorServer.StartAsync(options, 0, cancellationToken);

            var settings = new RapportSettings
            {
                Database = path,
                IntercomUrl = simulator.BaseAddress,
                Token = options.AccessToken,
                OnlyWithIds = true,
            };
            var exit = await new ImportWorkflow(console, TimeProvider.System).RunAsync(settings, full: false, cancellationToken);
            if (exit != ExitCodes.Ok || result.GetValue(noServe))
                return exit;

            console.MarkupLineInterpolated($"Hub: [bold]{path}[/] · Intercom simulator: [bold]{simulator.BaseAddress}[/] (token {options.AccessToken})");
            console.MarkupLineInterpolated($"Run an incremental import against it: rapport import --database {path} --intercom-url {simulator.BaseAddress} --token {options.AccessToken}");
            console.MarkupLine("Ctrl+C to stop.");
            await SimulatorCommand.WaitForCancellationAsync(cancellationToken);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    /// <summary>The demo's hub is its own: start from an empty one each time.</summary>
    private static void DeleteSqlite(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }
}
