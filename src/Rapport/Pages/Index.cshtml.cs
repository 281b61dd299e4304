using Rapport.Application.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Accounts;

namespace Rapport.Pages;

internal sealed class IndexModel(AccountDirectory store) : PageModel
{
    public HubCounts Counts { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Counts = await store.CountAsync(cancellationToken);
}
