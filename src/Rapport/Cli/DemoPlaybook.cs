using Microsoft.Extensions.DependencyInjection;
using Rapport.Hub.Playbooks;
using Rapport.Web;
using Rapport.Web.Playbooks;
using Spectre.Console;
using Rapport.Hub.Team;

namespace Rapport.Cli;

/// <summary>
/// The demo's example playbook, saved as Settings → Playbooks saves it: a follow-up on each new report, sent by the demo's
/// admin, in dry run so the audit shows whom it would message and what each would read while nothing reaches anyone.
/// </summary>
internal static class DemoPlaybook
{
    public static async Task SaveAsync(IAnsiConsole console, RapportWebApp app, string adminEmail, CancellationToken cancellationToken)
    {
        var store = app.Services.GetRequiredService<ITeamStore>();
        if (await store.FindTeammateByEmailAsync(adminEmail, cancellationToken) is not { Teammate: { } admin })
            return;
        var input = new PlaybookInput(
            "Report follow-up",
            new PlaybookTrigger(PlaybookTriggers.Event, "created-report"),
            PlaybookActions.InApp,
            Subject: null,
            Body: """Hi {{user.first_name | default: "there"}}, {{teammate.first_name}} here: I saw your new report. Want a hand sharing it with your team?""",
            admin.Id,
            Enabled: true,
            DryRun: true,
            QuietStart: "22:00",
            QuietEnd: "08:00");
        var outcome = await app.Services.GetRequiredService<PlaybookService>().SaveAsync(0, input, cancellationToken);
        if (outcome.Playbook is not null)
            console.MarkupLine("Playbook \"Report follow-up\" on, in dry run: its audit lists whom it would message (Settings → Playbooks).");
        else
            console.MarkupLineInterpolated($"[yellow]The demo's playbook was not saved:[/] {string.Join("; ", outcome.Problems.Select(p => p.Message))}");
    }
}
