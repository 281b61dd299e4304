using System.CommandLine;
using Rapport.Configuration;
using Rapport.IntercomSimulator;
using Spectre.Console;

namespace Rapport.Cli;

/// <summary><c>rapport simulator</c>: the bundled Intercom simulator on its own, for <c>check</c>/<c>import</c> against it.</summary>
internal static class SimulatorCommand
{
    public static Command Create()
    {
        var workspace = new WorkspaceOptions();
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 = any free port)", DefaultValueFactory = _ => 8700 };
        var token = new Option<string>("--token") { Description = "The access token the simulator accepts", DefaultValueFactory = _ => "sim_token" };
        var rateLimit = new Option<string>("--rate-limit") { Description = "Calls per minute (enforced per 10 s window), or 'off'", DefaultValueFactory = _ => "10000" };
        var webhookUrl = new Option<string?>("--webhook-url") { Description = "Deliver signed Intercom webhooks for every change to this URL" };
        var activity = new Option<double>("--activity") { Description = "Live changes per second (users seen, company updates, tags, attachments, new users and leads)" };

        var command = new Command("simulator", "Serve a seeded Intercom simulator workspace on localhost until Ctrl+C");
        workspace.AddTo(command);
        command.Options.Add(port);
        command.Options.Add(token);
        command.Options.Add(rateLimit);
        command.Options.Add(webhookUrl);
        command.Options.Add(activity);
        command.SetAction((result, cancellationToken) => UserErrors.RunAsync(async () =>
        {
            var (companies, contacts, seed) = workspace.Read(result);
            var options = new SimulatorOptions
            {
                Companies = companies,
                Contacts = contacts,
                Seed = seed,
                AccessToken = result.GetRequiredValue(token),
                RateLimitPerMinute = WorkspaceOptions.ParseRateLimit(result.GetRequiredValue(rateLimit)),
                WebhookUrl = result.GetValue(webhookUrl) is { } url ? WorkspaceOptions.ParseUrl(url, "--webhook-url") : null,
                Activity = result.GetValue(activity) >= 0 ? result.GetValue(activity) : throw new SettingsException("--activity must be 0 or more changes per second"),
            };
            await using var simulator = await IntercomSimulatorServer.StartAsync(options, result.GetValue(port), cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"Intercom simulator: [bold]{simulator.BaseAddress}[/] · token [bold]{options.AccessToken}[/] · {options.Companies:N0} companies, {options.Contacts:N0} contacts (seed {options.Seed})");
            // Unwrapped, so the command pastes whole whatever the terminal's width.
            AnsiConsole.Profile.Out.Writer.WriteLine($"Try: {SelfCommand.For($"import --intercom-url {simulator.BaseAddress} --token {options.AccessToken} --only-with-ids")}");
            if (options.WebhookUrl is not null)
                AnsiConsole.MarkupLineInterpolated($"Webhooks to {options.WebhookUrl}, signed with client secret {options.ClientSecret}; {options.Activity:0.##} changes/s");
            AnsiConsole.MarkupLine("Ctrl+C to stop.");
            await WaitForCancellationAsync(cancellationToken);
            return ExitCodes.Ok;
        }, CancellationToken.None));
        return command;
    }

    internal static async Task WaitForCancellationAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C is how a serving command ends.
        }
    }
}
