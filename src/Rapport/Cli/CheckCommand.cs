using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Configuration;
using Rapport.Intercom;
using Rapport.Storage;
using Rapport.Application.Check;
using Rapport.Application.Settings;
using Spectre.Console;
using Rapport.Hub.Sync;

namespace Rapport.Cli;

internal static class CheckCommand
{
    public static Command Create(CommonOptions common)
    {
        var csv = new Option<string?>("--csv") { Description = "Also write every record found to this CSV file" };
        var command = new Command("check", "Run the pre-enable check: companies without company_id, users without user_id, shared emails (exit code 2 when any id is missing)");
        common.AddTo(command);
        command.Options.Add(csv);
        command.SetAction((result, cancellationToken) => UserErrors.RunAsync(async () =>
        {
            var settings = common.Read(result);
            // The check reads only Intercom: it opens the hub when one is named or already there, never creating ./rapport.db on its own.
            await using var hub = NamesHub(settings, result.GetValue(common.Database) is not null)
                ? await CommandServices.OpenAsync(settings.Database, TimeProvider.System, cancellationToken)
                : null;
            var store = hub?.GetRequiredService<ISyncStateStore>();
            await using var services = IntercomConnection.Build(settings, TimeProvider.System);
            var intercom = services.GetRequiredService<IntercomClient>();
            var report = await ProgressView.RunAsync(AnsiConsole.Console, progress => new PreEnableCheck(intercom).RunAsync(progress, cancellationToken));
            CheckView.Write(AnsiConsole.Console, report);
            if (result.GetValue(csv) is { } path)
                await CheckView.WriteCsvAsync(path, report, cancellationToken);
            if (store is not null)
            {
                var enabledAt = await store.GetSyncStateAsync(IntercomIntegrationSettings.EnabledKey, cancellationToken) is { } text
                    ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                    : (DateTimeOffset?)null;
                CheckView.WriteHub(AnsiConsole.Console, report, enabledAt, await PreEnableCheckRun.LoadAsync(store, cancellationToken));
                await PreEnableCheckRun.From(report, TimeProvider.System.GetUtcNow(), "rapport check").SaveAsync(store, cancellationToken);
            }

            return report.Passed ? ExitCodes.Ok : ExitCodes.CheckFailed;
        }, cancellationToken));
        return command;
    }

    private static bool NamesHub(RapportSettings settings, bool flag) =>
        flag || settings.Database != RapportSettings.DefaultDatabase || File.Exists(RapportSettings.DefaultDatabase);
}
