using Rapport.Application.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Conversations;
using Rapport.Application;
using Rapport.Web.Conversations;
using Rapport.Hub.Accounts;

namespace Rapport.Pages.Conversations;

internal sealed class ConversationModel(AccountDirectory accounts, IConversationStore conversationStore) : PageModel
{
    public ConversationView View { get; private set; } = null!;

    /// <summary>The linked users that are still in the hub, in the conversation's order; others are shown by external id.</summary>
    public IReadOnlyList<(string ExternalId, UserView? User)> Users { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await conversationStore.GetConversationAsync(IntercomSource.Name, id, cancellationToken) is not { } view)
            return NotFound();
        View = view;
        var users = new List<(string, UserView?)>();
        foreach (var externalId in view.Conversation.UserExternalIds)
            users.Add((externalId, await accounts.FindUserAsync(externalId, cancellationToken)));
        Users = users;
        return Page();
    }

    /// <summary>The thread alone, which the open page polls for new parts.</summary>
    public async Task<IActionResult> OnGetThreadAsync(string id, CancellationToken cancellationToken) =>
        await conversationStore.GetConversationAsync(IntercomSource.Name, id, cancellationToken) is { } view
            ? Partial("_Thread", view)
            : NotFound();
}
