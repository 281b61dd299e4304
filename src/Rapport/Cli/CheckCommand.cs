using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Intercom;
using Rapport.Sync.Check;
using Spectre.Console;

namespace Rapport.Cli;

internal static class CheckCommand
{
    public static Command Create(CommonOptions common)
    {
        var csv = new Option<string?>("--csv") { Description = "Also write every record found to this CSV file" };
        var command = new Command("check", "Run the pre-enable check: companies without company_id, users without user_id, shared emails (exit code 2 when any id is missing)");
        common.AddTo(command, database: false);
        command.Options.Add(csv);
        command.SetAction((result, cancellationToken) => UserErrors.RunAsync(async () =>
        {
            var settings = common.Read(result);
            await using var services = IntercomConnection.Build(settings, TimeProvider.System);
            var intercom = services.GetRequiredService<IntercomClient>();
            var report = await ProgressView.RunAsync(AnsiConsole.Console, progress => new PreEnableCheck(intercom).RunAsync(progress, cancellationToken));
            CheckView.Write(AnsiConsole.Console, report);
            if (result.GetValue(csv) is { } path)
                await CheckView.WriteCsvAsync(path, report, cancellationToken);
            return report.Passed ? ExitCodes.Ok : ExitCodes.CheckFailed;
        }, cancellationToken));
        return command;
    }
}
