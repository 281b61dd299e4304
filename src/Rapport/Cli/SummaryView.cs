using Humanizer;
using Rapport.Application.Import;
using Spectre.Console;

namespace Rapport.Cli;

/// <summary>The import's summary: what was seen, what came in, what was skipped and why, and what it cost in API calls.</summary>
internal static class SummaryView
{
    public static void Write(IAnsiConsole console, ImportSummary summary)
    {
        var kind = (summary.Incremental ? "incremental" : "full") + (summary.Resumed ? ", resumed" : "");
        var table = new Table().Border(TableBorder.Rounded).Title($"Import {summary.RunId[..8]} ({kind})")
            .AddColumn("").AddColumn(new TableColumn("count").RightAligned());

        var companies = summary.Companies;
        table.AddRow("[bold]Companies[/] seen", N(companies.Seen));
        table.AddRow("  qualified and imported", N(companies.Qualified));
        table.AddRow("    new / updated / unchanged", $"{N(companies.Created)} / {N(companies.Updated)} / {N(companies.Unchanged)}");
        table.AddRow("  marked inactive (stopped qualifying)", N(companies.Deactivated));
        foreach (var (reason, count) in companies.Skipped.OrderByDescending(p => p.Value))
            table.AddRow($"  skipped: {Markup.Escape(reason)}", N(count));

        var users = summary.Users;
        table.AddRow("[bold]Contacts[/] seen", N(users.ContactsSeen));
        table.AddRow("  users imported (through imported companies)", N(users.Imported));
        table.AddRow("    new / updated", $"{N(users.Created)} / {N(users.Updated)}");
        table.AddRow("  memberships", N(users.Memberships));
        table.AddRow("  marked inactive", N(users.Deactivated));
        foreach (var (reason, count) in users.Skipped.OrderByDescending(p => p.Value))
            table.AddRow($"  skipped: {Markup.Escape(reason)}", N(count));

        if (summary.Conversations is { } conversations)
        {
            table.AddRow("[bold]Conversations[/] seen", N(conversations.Seen));
            table.AddRow("  stored (new or updated) / already current", $"{N(conversations.Stored)} / {N(conversations.Stale)}");
            table.AddRow("  new parts / bot parts", $"{N(conversations.PartsStored)} / {N(conversations.BotParts)}");
            table.AddRow("  older parts no longer returned by Intercom", N(conversations.Truncated));
            table.AddRow("  attached to no user", N(conversations.Unattached));
            foreach (var (excludedKind, count) in conversations.Excluded.OrderByDescending(p => p.Value))
                table.AddRow($"  excluded: {Markup.Escape(excludedKind)}", N(count));
            if (conversations.AmbiguousEmails.Count > 0)
                table.AddRow($"  emails shared by several users: {Markup.Escape(string.Join(", ", conversations.AmbiguousEmails.Take(5)))}", N(conversations.AmbiguousEmails.Count));
        }

        table.AddRow("[bold]API calls[/]", N(summary.ApiCalls));
        table.AddRow("  rate-limited responses (429)", N(summary.RateLimitedResponses));
        table.AddRow("[bold]Elapsed[/]", summary.Elapsed.Humanize(2));
        console.Write(table);
    }

    private static string N(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
