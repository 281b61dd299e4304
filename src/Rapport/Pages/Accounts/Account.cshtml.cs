using Rapport.Application.Sources;
using Rapport.Application.Model;
using Rapport.Application.Events;
using Rapport.Application.Conversations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Conversations;
using Rapport.Hub.Accounts;
using Rapport.Hub.Model;
using Rapport.Hub.Sources;
using Rapport.Hub.Events;

namespace Rapport.Pages.Accounts;

internal sealed partial class AccountModel(IBrowseStore browseStore, ConversationHistory conversations, EventHistory events, AccountModelService model, SourcePrecedences precedences) : PageModel
{
    public AccountDetail Account { get; private set; } = null!;

    public Rapport.Hub.Model.AccountState? Computed { get; private set; }

    public IReadOnlyList<ConversationHeader> Conversations { get; private set; } = [];

    /// <summary>The unified fields and the source each came from, by the configured source precedence.</summary>
    public IReadOnlyList<Rapport.Web.Accounts.UnifiedFieldDto> Unified { get; private set; } = [];

    public IReadOnlyList<Rapport.Web.Events.TimelineItemDto> Timeline { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await browseStore.GetAccountAsync(new AccountId(id), cancellationToken: cancellationToken) is not { } account)
            return NotFound();
        Account = account;
        Unified = Rapport.Web.Accounts.UnifiedFieldDto.Of(account, await precedences.GetAsync(cancellationToken));
        Computed = await model.GetStateAsync(id, cancellationToken);
        Conversations = await conversations.OfAccountAsync(account.ExternalId, 20, cancellationToken);
        Timeline = await Rapport.Web.Events.AccountTimeline.ReadAsync(conversations, events, account.Id.Value, account.ExternalId, 30, cancellationToken);
        await LoadOverridesAsync(id, cancellationToken);
        return Page();
    }
}
