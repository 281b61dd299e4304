using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Conversations;
using Rapport.Hub.Storage;
using Rapport.Hub.Storage.Browse;

namespace Rapport.Pages.Accounts;

internal sealed partial class AccountModel(IHubStore store) : PageModel
{
    public AccountDetail Account { get; private set; } = null!;

    public Rapport.Hub.Model.AccountState? Computed { get; private set; }

    public IReadOnlyList<ConversationHeader> Conversations { get; private set; } = [];

    /// <summary>The unified fields and the source each came from, by the configured source precedence.</summary>
    public IReadOnlyList<Rapport.Web.Accounts.UnifiedFieldDto> Unified { get; private set; } = [];

    public IReadOnlyList<Rapport.Web.Events.TimelineItemDto> Timeline { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.GetAccountAsync(id, cancellationToken: cancellationToken) is not { } account)
            return NotFound();
        Account = account;
        Unified = Rapport.Web.Accounts.UnifiedFieldDto.Of(account, await store.GetSourcePrecedenceAsync(cancellationToken));
        Computed = (await store.GetAccountStatesAsync([id], cancellationToken)).GetValueOrDefault(id);
        Conversations = await store.ListAccountConversationsAsync(account.ExternalId, 20, cancellationToken);
        Timeline = await Rapport.Web.Events.AccountTimeline.ReadAsync(store, account.Id.Value, account.ExternalId, 30, cancellationToken);
        await LoadOverridesAsync(id, cancellationToken);
        return Page();
    }
}
