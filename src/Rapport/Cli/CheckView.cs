using System.Globalization;
using System.Text;
using Rapport.Application.Check;
using Spectre.Console;

namespace Rapport.Cli;

/// <summary>The pre-enable check in the terminal: what lacks an id, with enough to find it in Intercom.</summary>
internal static class CheckView
{
    private const int Shown = 50;

    public static void Write(IAnsiConsole console, PreEnableReport report)
    {
        WriteVerdict(console, report);
        WriteMissing(console, "Companies without company_id", report.CompaniesWithoutCompanyId);
        WriteMissing(console, "Users without user_id", report.UsersWithoutUserId);
        if (report.SharedEmails.Count > 0)
        {
            console.MarkupLineInterpolated($"[yellow]{report.SharedEmails.Count:N0} emails are shared by several contacts[/] (conversations matched by email would be ambiguous), e.g.:");
            foreach (var shared in report.SharedEmails.Take(5))
                console.MarkupLineInterpolated($"  {shared.Email}: {string.Join(", ", shared.ContactIds)}");
        }
    }

    /// <summary>
    /// The check in a few lines: the counts, with every record in a CSV at <paramref name="csvPath"/>. For the demo, whose
    /// seeded workspace lacks ids on purpose: its tables would push the sign-in lines out of sight.
    /// </summary>
    public static async Task WriteCountsAsync(IAnsiConsole console, PreEnableReport report, string csvPath, CancellationToken cancellationToken = default)
    {
        WriteVerdict(console, report);
        if (!report.Passed)
        {
            await WriteCsvAsync(csvPath, report, cancellationToken);
            // Unwrapped, so the file's path copies whole whatever the terminal's width.
            console.Profile.Out.Writer.WriteLine($"{report.CompaniesWithoutCompanyId.Count:N0} companies without company_id and {report.UsersWithoutUserId.Count:N0} users without user_id, every one listed in {csvPath}.");
        }

        if (report.SharedEmails.Count > 0)
            console.MarkupLineInterpolated($"[yellow]{report.SharedEmails.Count:N0} emails are shared by several contacts[/] (conversations matched by email would be ambiguous).");
    }

    private static void WriteVerdict(IAnsiConsole console, PreEnableReport report)
    {
        console.MarkupLineInterpolated($"Checked {report.CompaniesChecked:N0} companies and {report.UsersChecked:N0} users ({report.LeadsIgnored:N0} leads ignored).");
        if (report.Passed)
            console.MarkupLine("[green]Every company has a company_id and every user a user_id: the import can be enabled.[/]");
        else
            console.MarkupLine("[yellow]Some companies are missing the company_id or some users are missing the user_id in Intercom. Resolve these before importing companies and users, or import only what has ids (--only-with-ids).[/]");
    }

    /// <summary>What the check means for the hub it was run for: whether its import is enabled, and what changed since its last check.</summary>
    public static void WriteHub(IAnsiConsole console, PreEnableReport report, DateTimeOffset? importEnabledAt, PreEnableCheckRun? previous)
    {
        if (importEnabledAt is not null)
            console.MarkupLineInterpolated($"This hub's import is enabled (since {importEnabledAt:u}): rapport import skips records without ids and counts them.");
        else if (report.Passed)
            console.MarkupLine("This hub's import is not enabled yet: rapport import will enable it.");
        else
            console.MarkupLine("This hub's import is not enabled yet: rapport import will refuse until the ids are set, or import only what has ids with --only-with-ids.");
        if (previous is not null)
        {
            console.MarkupLineInterpolated(
                $"Last check on this hub ({previous.RanAt:u}, {previous.RanBy}): {previous.CompaniesWithoutCompanyId:N0} companies without company_id, {previous.UsersWithoutUserId:N0} users without user_id; now {report.CompaniesWithoutCompanyId.Count:N0} and {report.UsersWithoutUserId.Count:N0}.");
        }
    }

    private static void WriteMissing(IAnsiConsole console, string title, IReadOnlyList<MissingId> missing)
    {
        if (missing.Count == 0) return;
        var table = new Table().Border(TableBorder.Simple)
            .Title($"{title}: {missing.Count:N0}{(missing.Count > Shown ? $" (first {Shown})" : "")}")
            .AddColumn("Intercom id").AddColumn("name").AddColumn("email");
        foreach (var item in missing.Take(Shown))
            table.AddRow(Markup.Escape(item.IntercomId), Markup.Escape(item.Name ?? ""), Markup.Escape(item.Email ?? ""));
        console.Write(table);
    }

    /// <summary>Every record the check found, for a spreadsheet: kind, Intercom id, name, email.</summary>
    public static async Task WriteCsvAsync(string path, PreEnableReport report, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder("kind,intercom_id,name,email\n");
        foreach (var item in report.CompaniesWithoutCompanyId)
            csv.Append(CultureInfo.InvariantCulture, $"company without company_id,{Cell(item.IntercomId)},{Cell(item.Name)},\n");
        foreach (var item in report.UsersWithoutUserId)
            csv.Append(CultureInfo.InvariantCulture, $"user without user_id,{Cell(item.IntercomId)},{Cell(item.Name)},{Cell(item.Email)}\n");
        await File.WriteAllTextAsync(path, csv.ToString(), cancellationToken);
    }

    private static string Cell(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
