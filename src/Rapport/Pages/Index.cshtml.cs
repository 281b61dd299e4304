using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Accounts;

namespace Rapport.Pages;

internal sealed class IndexModel(IBrowseStore store) : PageModel
{
    public HubCounts Counts { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Counts = await store.CountAsync(cancellationToken);
}
