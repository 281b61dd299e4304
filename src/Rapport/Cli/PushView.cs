using Rapport.Application.Push;
using Spectre.Console;

namespace Rapport.Cli;

/// <summary>A push report on the terminal: the counts, then each change, failure, skipped record and stale attribute.</summary>
internal static class PushView
{
    public static void Write(IAnsiConsole console, PushReport report)
    {
        var verb = report.DryRun ? "would update" : "updated";
        console.MarkupLineInterpolated($"[bold]Push {(report.DryRun ? "(dry run) " : "")}{report.Status}[/]: {report.Companies:N0} companies, {verb} {(report.DryRun ? report.CompaniesChanged : report.CompaniesUpdated):N0} ({report.CompaniesUnchanged:N0} unchanged); users {verb} {(report.DryRun ? report.UsersChanged : report.UsersUpdated):N0}; {report.WriteCalls:N0} write calls; custom attributes in use {report.CustomAttributesInUse} of 250");
        if (report.Error is not null)
            console.MarkupLineInterpolated($"[red]{report.Error}[/]");
        foreach (var change in report.Changes)
        {
            console.MarkupLineInterpolated($"{change.Model} [bold]{change.Label}[/] ({change.Target})");
            foreach (var value in change.Values)
                console.MarkupLineInterpolated($"    {value.Name}: {value.Old} → {value.New}");
        }

        if (report.Changes.Count < report.CompaniesChanged + report.UsersChanged)
            console.MarkupLineInterpolated($"… and {report.CompaniesChanged + report.UsersChanged - report.Changes.Count:N0} more");
        Section(console, report.DryRun ? "Attributes to create" : "Attributes created", report.AttributesCreated.Select(a => $"{a.Model} '{a.Name}' ({a.DataType})"));
        Section(console, "Attributes archived", report.AttributesArchived.Select(a => $"{a.Model} '{a.Name}'"));
        Section(console, "Stale attributes (no longer produced; --archive-stale archives them)", report.StaleAttributes.Select(a => $"{a.Model} '{a.Name}'"));
        Section(console, "Skipped (not in Intercom any more)", report.Skipped.Select(s => $"{s.Model} {s.Label} ({s.Target})"));
        Section(console, "Failures", report.Failures.Select(f => $"{f.Model} {f.Label} ({f.Target}): {f.Status} {f.Code} {f.Message}"));
        Section(console, "Problems", report.Problems);
    }

    private static void Section(IAnsiConsole console, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
            return;
        console.MarkupLineInterpolated($"[bold]{title}[/]");
        foreach (var line in list)
            console.MarkupLineInterpolated($"  {line}");
    }
}
