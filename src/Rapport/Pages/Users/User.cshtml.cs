using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Conversations;
using Rapport.Hub.Storage;
using Rapport.Hub.Storage.Browse;

namespace Rapport.Pages.Users;

internal sealed class UserModel(IHubStore store) : PageModel
{
    public UserDetail Detail { get; private set; } = null!;

    public IReadOnlyList<ConversationHeader> Conversations { get; private set; } = [];

    public IReadOnlyList<Rapport.Hub.Events.StoredEvent> Events { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.GetUserAsync(id, cancellationToken) is not { } user)
            return NotFound();
        Detail = user;
        Conversations = await store.ListUserConversationsAsync(user.ExternalId, 20, cancellationToken);
        Events = await store.ListUserEventsAsync(id, 20, cancellationToken);
        return Page();
    }
}
