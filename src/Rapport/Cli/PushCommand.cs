using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Configuration;
using Rapport.Intercom;
using Rapport.Storage;
using Rapport.Application.Push;
using Rapport.Application.Settings;
using Spectre.Console;
using Rapport.Hub.Audit;
using Rapport.Hub.Sync;

namespace Rapport.Cli;

/// <summary>
/// <c>rapport push [--dry-run]</c>: writes each account's data onto its Intercom company and the owner flag onto its
/// users, only what changed since the last push; the dry run lists per company what would change, old → new.
/// </summary>
internal static class PushCommand
{
    public static Command Create(CommonOptions common)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List per company and user the attributes that would change (old → new); write nothing" };
        var enable = new Option<bool>("--enable") { Description = "Turn on \"Update Intercom companies with account data\" first (needs Import users and companies)" };
        var prefix = new Option<string?>("--prefix") { Description = "Attribute name prefix, saved for later pushes unless --dry-run (default Rapport; Vitally keeps Vitally's names)" };
        var noSpend = new Option<bool>("--no-monthly-spend") { Description = "Stop setting monthly_spend from MRR (saved)" };
        var archive = new Option<bool>("--archive-stale") { Description = "Archive in Intercom the attributes Rapport no longer produces (saved)" };

        var command = new Command("push", "Push account data (MRR, type, health, elements, metrics, indicators, segments, owner) onto the Intercom companies and users Rapport imported");
        common.AddTo(command);
        foreach (var option in (Option[])[dryRun, enable, prefix, noSpend, archive])
            command.Options.Add(option);
        command.SetAction((result, cancellationToken) => UserErrors.RunAsync(async () =>
        {
            var settings = common.Read(result);
            var preview = result.GetValue(dryRun);
            await using var hub = await CommandServices.OpenAsync(settings.Database, TimeProvider.System, cancellationToken);
            var store = hub.GetRequiredService<ISyncStateStore>();
            if (result.GetValue(enable))
            {
                var integration = await IntercomIntegrationSettings.LoadAsync(store, cancellationToken) with { UpdateCompanies = true };
                if (integration.Validate() is [var problem, ..])
                    throw new SettingsException(problem);
                if (!preview)
                    await integration.SaveAsync(store, cancellationToken);
            }

            var push = await PushSettings.LoadAsync(store, cancellationToken);
            var changed = push with
            {
                Prefix = result.GetValue(prefix) ?? push.Prefix,
                MonthlySpend = push.MonthlySpend && !result.GetValue(noSpend),
                ArchiveStale = push.ArchiveStale || result.GetValue(archive),
            };
            if (changed.Validate() is [var invalid, ..])
                throw new SettingsException(invalid);
            // A dry run previews with the flags given (say, --prefix Vitally) and saves nothing, in Intercom or in the hub.
            if (changed != push && !preview)
                await changed.SaveAsync(store, cancellationToken);

            await using var intercom = IntercomConnection.Build(settings, TimeProvider.System);
            var pusher = hub.GetRequiredService<Func<IntercomClient, IntercomPush>>()(intercom.GetRequiredService<IntercomClient>());
            if (!preview)
                await CommandLineAudit.RecordAsync(hub.GetRequiredService<IAuditStore>(), Web.Audit.AuditActions.PushStarted, cancellationToken: cancellationToken);
            var report = await pusher.RunAsync(preview, changed, cancellationToken);
            PushView.Write(AnsiConsole.Console, report);
            return report.Status == "completed" ? ExitCodes.Ok : ExitCodes.Error;
        }, cancellationToken));
        return command;
    }
}
