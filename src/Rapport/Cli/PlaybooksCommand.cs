using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;
using Rapport.Storage;
using Rapport.Hub.Audit;
using Rapport.Hub.Playbooks;

namespace Rapport.Cli;

/// <summary>
/// <c>rapport playbooks list|audit|enable|disable</c>: the playbooks in the hub's database, their audit, and the off switch
/// for when something must stop now (a playbook turned off sends nothing more, not even what is queued). Creating one
/// needs the sender's Intercom seat checked: that is done in Settings → Playbooks or <c>POST /api/v1/playbooks</c>.
/// </summary>
internal static class PlaybooksCommand
{
    public static Command Create(CommonOptions common) => new("playbooks", "Automated messages: list them, read their audit, turn them on or off")
    {
        List(common),
        Audit(common),
        Switch(common, "enable", true),
        Switch(common, "disable", false),
    };

    private static Command List(CommonOptions common)
    {
        var command = new Command("list", "Every playbook: id, on/off, trigger, action, cap and quiet hours");
        common.AddTo(command, intercom: false);
        command.SetAction((result, cancellationToken) => WithStoreAsync(common, result, async (store, audit) =>
        {
            var playbooks = await store.ListPlaybooksAsync(cancellationToken);
            if (playbooks.Count == 0)
                Console.Out.WriteLine("No playbooks yet (Settings → Playbooks, or POST /api/v1/playbooks).");
            foreach (var p in playbooks)
            {
                var quiet = p.QuietStart is { } start ? $", quiet {start:HH\\:mm}–{p.QuietEnd:HH\\:mm} {p.TimeZone}" : "";
                Console.Out.WriteLine($"{p.Id,4}  {(p.Enabled ? p.DryRun ? "on (dry run)" : "on" : "off"),-12}  {p.Name}: when {p.Trigger.Kind} {p.Trigger.Name} then {p.Action}, at most {p.CapCount} per user in {p.CapDays} days{quiet}");
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Audit(CommonOptions common)
    {
        var id = new Argument<long>("id") { Description = "The playbook's id (rapport playbooks list)" };
        var limit = new Option<int>("--limit") { Description = "How many runs, newest first", DefaultValueFactory = _ => 50 };
        var command = new Command("audit", "A playbook's runs, newest first: sent (with the Intercom id), skipped or deferred with the reason, dry runs") { id, limit };
        common.AddTo(command, intercom: false);
        command.SetAction((result, cancellationToken) => WithStoreAsync(common, result, async (store, audit) =>
        {
            if (await store.GetPlaybookAsync(result.GetValue(id), cancellationToken) is null)
            {
                Console.Error.WriteLine($"rapport: there is no playbook with id {result.GetValue(id)}");
                return ExitCodes.Error;
            }

            var runs = await store.ListPlaybookRunsAsync(result.GetValue(id), Math.Clamp(result.GetValue(limit), 1, 1000), cancellationToken);
            if (runs.Count == 0)
                Console.Out.WriteLine("No runs yet: its trigger has not fired since it was saved.");
            foreach (var run in runs)
                Console.Out.WriteLine($"{run.UpdatedAt:yyyy-MM-dd HH:mm:ss}  user {run.UserId,-6}  {run.Status,-8}  {run.IntercomId ?? ""}  {run.Reason ?? ""}".TrimEnd());
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Switch(CommonOptions common, string name, bool enabled)
    {
        var id = new Argument<long>("id") { Description = "The playbook's id (rapport playbooks list)" };
        var command = new Command(name, enabled ? "Turn a playbook on" : "Turn a playbook off: nothing more is sent, not even what is queued") { id };
        common.AddTo(command, intercom: false);
        command.SetAction((result, cancellationToken) => WithStoreAsync(common, result, async (store, audit) =>
        {
            if (await store.GetPlaybookAsync(result.GetValue(id), cancellationToken) is not { } playbook)
            {
                Console.Error.WriteLine($"rapport: there is no playbook with id {result.GetValue(id)}");
                return ExitCodes.Error;
            }

            await store.SavePlaybookAsync(playbook with { Enabled = enabled }, cancellationToken);
            await store.ReleaseDeferredPlaybookRunsAsync(playbook.Id, cancellationToken);
            await CommandLineAudit.RecordAsync(
                audit, enabled ? Web.Audit.AuditActions.PlaybookEnabled : Web.Audit.AuditActions.PlaybookDisabled, playbook.Name, cancellationToken: cancellationToken);
            Console.Out.WriteLine($"Playbook {playbook.Id} ({playbook.Name}) is {(enabled ? "on" : "off")}.");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Task<int> WithStoreAsync(CommonOptions common, ParseResult result, Func<IPlaybookStore, IAuditStore, Task<int>> action, CancellationToken cancellationToken) =>
        UserErrors.RunAsync(async () =>
        {
            var settings = common.Read(result);
            await using var hub = await CommandServices.OpenAsync(settings.Database, TimeProvider.System, cancellationToken);
            return await action(hub.GetRequiredService<IPlaybookStore>(), hub.GetRequiredService<IAuditStore>());
        }, cancellationToken);
}
