using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Application.Import;
using Rapport.Web.Integration;

namespace Rapport.Pages.Settings.Integrations;

/// <summary>The sync status fragment the integration page polls (site.js data-poll).</summary>
internal sealed class SyncStatusModel(IntercomSyncJob job) : PageModel
{
    public SyncStatus Status { get; private set; } = SyncStatus.Idle;

    public void OnGet() => Status = job.Status;
}
