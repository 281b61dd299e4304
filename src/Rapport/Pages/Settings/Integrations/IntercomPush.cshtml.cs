using Rapport.Application.Sync;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Application.Push;
using Rapport.Web.Audit;
using Rapport.Web.Push;

namespace Rapport.Pages.Settings.Integrations;

/// <summary>
/// Settings → Integrations → Intercom push: the settings, a dry-run preview (old → new per company and user), "Push
/// now", and the last run's status with failures, skipped companies and stale attributes. Works without JavaScript.
/// </summary>
internal sealed class IntercomPushModel(SyncSettings settings, IntercomPushJob job, IAuditLog audit) : PageModel
{
    public PushSettingsInput Form { get; private set; } = new();

    public PushReport? LastRun { get; private set; }

    public PushReport? Preview { get; private set; }

    public bool Running => job.Running;

    public string? Message { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(null, cancellationToken);

    public async Task OnPostSaveAsync(PushSettingsInput input, CancellationToken cancellationToken)
    {
        Problems = await input.SaveAsync(settings, cancellationToken);
        Message = Problems.Count == 0 ? (input.Enabled ? "Saved. Rapport pushes after each recompute and on the schedule." : "Saved. The push is off.") : null;
        await LoadAsync(Problems.Count == 0 ? null : input, cancellationToken);
    }

    public async Task OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        var (report, refusal) = await job.PreviewAsync(cancellationToken);
        Preview = report;
        if (refusal is not null)
            Problems = [refusal];
        await LoadAsync(null, cancellationToken);
    }

    public async Task OnPostRunAsync(CancellationToken cancellationToken)
    {
        var refusal = await job.StartPushAsync(cancellationToken);
        if (refusal is null)
        {
            await audit.RecordAsync(AuditActions.PushStarted);
            Message = "The push started: the status below shows it when it is done (reload the page).";
        }
        else
        {
            Problems = [refusal];
        }

        await LoadAsync(null, cancellationToken);
    }

    private async Task LoadAsync(PushSettingsInput? submitted, CancellationToken cancellationToken)
    {
        Form = submitted ?? await PushSettingsInput.LoadAsync(settings, cancellationToken);
        LastRun = await settings.LastPushAsync(cancellationToken);
    }
}
