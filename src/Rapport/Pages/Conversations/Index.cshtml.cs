using Rapport.Application.Sync;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Conversations;
using Rapport.Application.Conversations;
using Rapport.Web.Conversations;
using Rapport.Web.Integration;
using Rapport.Hub.Accounts;

namespace Rapport.Pages.Conversations;

/// <summary>The conversations inbox: every stored conversation, newest updated first, with filters and the completeness audit.</summary>
internal sealed class ConversationsModel(IConversationStore store, ConversationAuditRunner audit, SyncSettings settings) : PageModel
{
    /// <summary>open, closed or all.</summary>
    public string State { get; private set; } = "all";

    public bool Bot { get; private set; }

    public bool Unattached { get; private set; }

    public BrowsePage<ConversationListRow>? Rows { get; private set; }

    public ConversationCounts? Counts { get; private set; }

    public IReadOnlyList<string> AmbiguousEmails { get; private set; } = [];

    public ConversationAuditResult? Audit { get; private set; }

    public string? Problem { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task OnPostAuditAsync(CancellationToken cancellationToken)
    {
        Audit = await audit.RunAsync(cancellationToken);
        if (Audit is null)
            Problem = ConversationAuditRunner.NotConnected;
        await LoadAsync(cancellationToken);
    }

    public string Link(string? state = null, bool? bot = null, bool? unattached = null, PageCursor? cursor = null)
    {
        var query = new List<string>();
        if ((state ?? State) is not "all" and var s)
            query.Add("state=" + s);
        if (bot ?? Bot)
            query.Add("bot=true");
        if (unattached ?? Unattached)
            query.Add("unattached=true");
        if (cursor is not null)
            query.Add("cursor=" + Uri.EscapeDataString(cursor.Encode()));
        return "/conversations" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        State = Request.Query["state"].ToString() is "open" or "closed" ? Request.Query["state"].ToString() : "all";
        Bot = Request.Query["bot"] == "true";
        Unattached = Request.Query["unattached"] == "true";
        PageCursor? cursor = null;
        if (Request.Query["cursor"].ToString() is { Length: > 0 } text && (!PageCursor.TryDecode(text, out cursor) || !cursor!.Fits("conversations", "updated", true)))
        {
            Problem = "cursor: this page link is damaged or belongs to another list.";
            cursor = null;
        }

        var open = State switch { "open" => true, "closed" => (bool?)false, _ => null };
        Rows = await store.ListConversationsAsync(
            new ConversationQuery(open, Bot, Unattached, cursor, IncludeTotal: cursor is null), cancellationToken);
        Counts = await store.CountConversationsAsync(cancellationToken);
        AmbiguousEmails = await settings.AmbiguousEmailsAsync(cancellationToken);
    }
}
