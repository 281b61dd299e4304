using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Web.Integration;

namespace Rapport.Pages.Settings.Integrations;

/// <summary>The sync status card's fragment, which the integration page polls (site.js data-poll) while something moves.</summary>
internal sealed class SyncHealthModel(IntercomSyncHealth health) : PageModel
{
    public SyncHealth Health { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Health = await health.ReadAsync(cancellationToken);
}
