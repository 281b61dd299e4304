using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Web.Accounts;
using Rapport.Hub.Accounts;

namespace Rapport.Pages.Users;

internal sealed class UsersModel(IBrowseStore store) : PageModel
{
    public ListParameters Parameters { get; private set; } = new();

    public UserQuery Query { get; private set; } = new();

    public BrowsePage<UserRow>? Rows { get; private set; }

    public BrowseFacets Facets { get; private set; } = new([], [], [], []);

    /// <summary>The account the list is narrowed to, when it is.</summary>
    public AccountDetail? Account { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Parameters = ListParameters.From(Request.Query);
        if (Request.Query["attribute_name"].ToString() is { Length: > 0 } name)
            Parameters.Attribute = $"{name}={Request.Query["attribute_value"]}";
        var (query, problem) = Parameters.ToUserQuery();
        Facets = await store.GetUserFacetsAsync(cancellationToken);
        if (problem is not null)
        {
            Problem = $"{problem.Parameter}: {problem.Message}";
            return;
        }

        Query = query! with { IncludeTotal = query.Cursor is null };
        if (Query.AccountId is { } accountId)
            Account = await store.GetAccountAsync(new AccountId(accountId), userLimit: 0, cancellationToken);
        Rows = await store.ListUsersAsync(Query, cancellationToken);
    }

    public string PageLink(PageCursor? cursor) => Parameters.WithCursor("/users", cursor);

    public string SortLink(string sort) => Parameters.Resorted("/users", sort, IsSort(sort) ? !Query.Descending : null);

    public string SortMark(string sort) => IsSort(sort) ? (Query.Descending ? " ↓" : " ↑") : "";

    private bool IsSort(string sort) => Query.Sort == ListParameters.UserSorts[sort];
}
