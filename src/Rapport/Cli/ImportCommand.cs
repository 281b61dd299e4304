using System.CommandLine;
using System.Globalization;
using Rapport.Configuration;
using Spectre.Console;

namespace Rapport.Cli;

internal static class ImportCommand
{
    public static Command Create(CommonOptions common)
    {
        var lastSeenDays = new Option<int?>("--last-seen-days") { Description = "Import companies seen within this many days (default 90)" };
        var rule = new Option<string?>("--rule") { Description = "Qualification rule, e.g. 'plan in [Pro, Enterprise] and monthly_spend > 100'" };
        var onlyWithIds = new Option<bool>("--only-with-ids") { Description = "Enable the import even if some companies lack company_id or users lack user_id: those are skipped" };
        var full = new Option<bool>("--full") { Description = "Read every contact again instead of only those changed since the last import" };
        var conversations = new Option<bool>("--conversations") { Description = "Also import conversations with every part (tickets, outbound emails and posts are left out and counted)" };
        var patience = new Option<string?>("--patience") { Description = "How long to keep retrying Intercom's failures (429s, 5xx, dropped connections) on one request before stopping, e.g. 30m, 90s, 2h (default 30m; config import.patience)" };

        var command = new Command("import", "Import qualifying Intercom companies and their users into the hub (incremental when run again)");
        common.AddTo(command);
        command.Options.Add(lastSeenDays);
        command.Options.Add(rule);
        command.Options.Add(onlyWithIds);
        command.Options.Add(full);
        command.Options.Add(conversations);
        command.Options.Add(patience);
        command.SetAction((result, cancellationToken) => UserErrors.RunAsync(() =>
        {
            var settings = common.Read(
                result,
                (SettingKeys.LastSeenDays, result.GetValue(lastSeenDays)?.ToString(CultureInfo.InvariantCulture)),
                (SettingKeys.Qualification, result.GetValue(rule)),
                // Switches only turn an import option on; left off, the config file's value stands.
                (SettingKeys.OnlyWithIds, result.GetValue(onlyWithIds) ? "true" : null),
                (SettingKeys.Conversations, result.GetValue(conversations) ? "true" : null),
                (SettingKeys.Patience, result.GetValue(patience)));
            return new ImportWorkflow(AnsiConsole.Console, TimeProvider.System).RunAsync(settings, result.GetValue(full), cancellationToken);
        }, cancellationToken));
        return command;
    }
}
