using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Web.Integration;

namespace Rapport.Pages.Settings.Integrations;

internal sealed class IndexModel(IntercomIntegration integration) : PageModel
{
    public IntegrationStatus Intercom { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Intercom = await integration.StatusAsync(cancellationToken);
}
