using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;
using Rapport.Configuration;
using Rapport.IntercomSimulator;
using Rapport.Application.Settings;
using Rapport.Web;
using Rapport.Web.Integration;
using Spectre.Console;
using Rapport.Hub.Sync;
using Rapport.Hub.Team;

namespace Rapport.Cli;

/// <summary>
/// <c>rapport demo</c>: the whole job on an embedded default — a seeded simulator workspace, the pre-enable check, the
/// import into a fresh SQLite hub, and the summary. The seeded workspace has companies and users without ids on purpose,
/// so the demo shows the check's findings and then imports only what has ids, as <c>--only-with-ids</c> would. Then it
/// serves the web app on the same hub, connected to the simulator, with the simulator's OAuth app so "Connect to Intercom"
/// works offline too.
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
        var port = new Option<int>("--port") { Description = "Where the web app listens", DefaultValueFactory = _ => 5080 };
        var adminPassword = new Option<string?>("--admin-password") { Description = "The demo admin's password (default: generated and printed)" };

        var command = new Command("demo", "Seed an Intercom simulator, check it, import it into a fresh hub and print the summary");
        workspace.AddTo(command);
        command.Options.Add(database);
        command.Options.Add(noServe);
        command.Options.Add(rateLimit);
        command.Options.Add(port);
        command.Options.Add(adminPassword);
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
                // A little live traffic, delivered as signed webhooks once the hub is up, so changes show while one watches.
                Activity = 1,
            };
            console.MarkupLineInterpolated($"Seeding an Intercom simulator workspace: {companies:N0} companies, {contacts:N0} contacts (seed {seed})…");
            await using var simulator = await IntercomSimulatorServer.StartAsync(options, 0, cancellationToken);

            DemoModel.SeedTraits(simulator);
            var settings = new RapportSettings
            {
                Database = path,
                IntercomUrl = simulator.BaseAddress,
                Token = options.AccessToken,
                OnlyWithIds = true,
                Conversations = true,
            };
            // The seeded workspace lacks ids on purpose: the check's tables of them would push the sign-in lines out of
            // sight, so the demo prints their counts and lists them in a CSV beside the hub.
            // Served, the demo saves its example model and computes it once the app is up; until then there is none to compute.
            var workflow = new ImportWorkflow(console, TimeProvider.System) { CheckCsvPath = MissingIdsCsv(path), RecomputeModel = result.GetValue(noServe) };
            var exit = await workflow.RunAsync(settings, full: false, cancellationToken);
            if (exit != ExitCodes.Ok || result.GetValue(noServe))
                return exit;

            // Unwrapped, so the command pastes whole whatever the terminal's width.
            var output = console.Profile.Out.Writer;
            output.WriteLine($"Hub: {path} · Intercom simulator: {simulator.BaseAddress} (token {options.AccessToken})");
            output.WriteLine($"Run an incremental import against it: {SelfCommand.For($"import --database {path} --intercom-url {simulator.BaseAddress} --token {options.AccessToken}")}");
            var web = new RapportWebOptions
            {
                Database = path,
                Urls = [$"http://localhost:{result.GetRequiredValue(port)}"],
                AdminPassword = result.GetValue(adminPassword),
                Intercom = new IntercomAppOptions
                {
                    ClientId = options.ClientId,
                    ClientSecret = options.ClientSecret,
                    AuthorizeUrl = new Uri(simulator.BaseAddress, "oauth"),
                    ApiUrl = simulator.BaseAddress,
                },
            };
            await ServeCommand.ServeAsync(console, web, async app =>
            {
                await ConnectAsync(app, simulator, settings, cancellationToken);
                await MapAdminAsync(console, app, simulator, web.AdminEmail, cancellationToken);
                await DemoModel.DefineAsync(console, app, simulator, cancellationToken);
                await DemoPlaybook.SaveAsync(console, app, web.AdminEmail, cancellationToken);
            }, app => SignInLast(console, web, app), cancellationToken);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    /// <summary>
    /// The integration page shows what the import just did: the simulator connected (token method), Import users and
    /// companies on with only what has ids, and the hub's callback registered with the simulator's OAuth app.
    /// </summary>
    private static async Task ConnectAsync(RapportWebApp app, IntercomSimulatorServer simulator, RapportSettings settings, CancellationToken cancellationToken)
    {
        var callback = new Uri(app.BaseAddress, "intercom/oauth/callback");
        simulator.RegisterRedirectUri(callback);
        simulator.RegisterRedirectUri(new UriBuilder(callback) { Host = "127.0.0.1" }.Uri);
        var connections = app.Services.GetRequiredService<IntercomConnections>();
        var (_, problem) = await connections.ConnectAsync("us", settings.Token!, "token", "rapport demo", cancellationToken);
        if (problem is not null)
            throw new InvalidOperationException(problem.Detail);
        var integration = new IntercomIntegrationSettings { ImportUsersAndCompanies = true, OnlyWithIds = true, LastSeenDays = settings.LastSeenDays };
        // Event import on from now: the simulator's live events come in, its seeded history does not (event import
        // never backfills).
        integration = integration with { ImportEvents = true };
        // The push follows each recompute, so the simulator's companies carry Rapport's attributes (Settings → Integrations → Intercom push).
        integration = integration with { UpdateCompanies = true };
        await Rapport.Application.Events.EventImport.StartAsync(app.Services.GetRequiredService<ISyncStateStore>(), app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
        await integration.SaveAsync(app.Services.GetRequiredService<ISyncStateStore>(), cancellationToken);
        simulator.ConfigureWebhooks(new Uri(app.BaseAddress, "webhooks/intercom"));
    }

    /// <summary>
    /// The demo's admin replies and starts conversations as the simulator's first admin with an inbox seat, so sending works
    /// at once; Settings → Teammates maps anyone else (and lists the simulator's admins).
    /// </summary>
    private static async Task MapAdminAsync(
        IAnsiConsole console, RapportWebApp app, IntercomSimulatorServer simulator, string adminEmail, CancellationToken cancellationToken)
    {
        var store = app.Services.GetRequiredService<ITeamStore>();
        if (await store.FindTeammateByEmailAsync(adminEmail, cancellationToken) is not { Teammate: { IntercomAdminEmail: null } admin }
            || simulator.Workspace.Admins.FirstOrDefault(a => a.HasInboxSeat) is not { } seated)
        {
            return;
        }

        await store.UpdateTeammateAsync(admin.Id, admin.Name, admin.Role, seated.Email, cancellationToken);
        console.MarkupLineInterpolated($"{adminEmail} sends to Intercom as the simulator's admin [bold]{seated.Name}[/] ({seated.Email}, inbox seat).");
    }

    /// <summary>Where the demo's check lists every company and user without an id: beside the hub, <c>rapport-demo-missing-ids.csv</c>.</summary>
    internal static string MissingIdsCsv(string database) =>
        Path.Combine(Path.GetDirectoryName(database) ?? "", Path.GetFileNameWithoutExtension(database) + "-missing-ids.csv");

    /// <summary>What one needs to sign in, last, where the eye lands once the demo is up.</summary>
    private static void SignInLast(IAnsiConsole console, RapportWebOptions web, RapportWebApp app)
    {
        console.MarkupLine("Ctrl+C to stop. Sign in to the demo:");
        var output = console.Profile.Out.Writer;
        output.WriteLine($"URL:      {app.BaseAddress}");
        output.WriteLine($"Email:    {web.AdminEmail}");
        output.WriteLine($"Password: {app.GeneratedAdminPassword ?? "the one given with --admin-password"}");
    }

    /// <summary>The demo's hub is its own: start from an empty one (and no list of missing ids from a previous run) each time.</summary>
    private static void DeleteSqlite(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", MissingIdsCsv(path) })
            File.Delete(file);
    }
}
