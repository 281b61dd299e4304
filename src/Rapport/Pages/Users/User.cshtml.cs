using Rapport.Application.Events;
using Rapport.Application.Conversations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Conversations;
using Rapport.Hub.Accounts;
using Rapport.Hub.Events;
using Rapport.Hub.Users;

namespace Rapport.Pages.Users;

internal sealed class UserModel(IBrowseStore browseStore, ConversationHistory conversations, EventHistory events) : PageModel
{
    public UserDetail Detail { get; private set; } = null!;

    public IReadOnlyList<ConversationHeader> Conversations { get; private set; } = [];

    public IReadOnlyList<Rapport.Hub.Events.StoredEvent> Events { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await browseStore.GetUserAsync(new UserId(id), cancellationToken) is not { } user)
            return NotFound();
        Detail = user;
        Conversations = await conversations.OfUserAsync(user.ExternalId, 20, cancellationToken);
        Events = await events.OfUserAsync(id, 20, cancellationToken);
        return Page();
    }
}
