using Rapport.Application.Model;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Web.Accounts;
using Rapport.Hub.Accounts;
using Rapport.Hub.Model;

namespace Rapport.Pages.Accounts;

internal sealed class AccountsModel(IBrowseStore browseStore, AccountModelService model) : PageModel
{
    public ListParameters Parameters { get; private set; } = new();

    public AccountQuery Query { get; private set; } = new();

    public BrowsePage<AccountRow>? Rows { get; private set; }

    public BrowseFacets Facets { get; private set; } = new([], [], [], []);

    public string? Problem { get; private set; }

    /// <summary>The account model's definitions, for the model filters' choices (null before any are saved).</summary>
    public Rapport.Hub.Model.ModelDefinitions? Definitions { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Parameters = ListParameters.From(Request.Query);
        // The filter form sends a custom attribute as two fields; links carry it as one (attribute=name=value).
        if (Request.Query["attribute_name"].ToString() is { Length: > 0 } name)
            Parameters.Attribute = $"{name}={Request.Query["attribute_value"]}";
        var (query, problem) = Parameters.ToAccountQuery();
        Facets = await browseStore.GetAccountFacetsAsync(cancellationToken);
        Definitions = Rapport.Hub.Model.ModelDefinitions.TryRead((await model.GetDefinitionsAsync(cancellationToken))?.Json);
        if (problem is not null)
        {
            Problem = $"{problem.Parameter}: {problem.Message}";
            return;
        }

        // Counting is a second query; the first page shows the total, later pages only move through it.
        Query = query! with { IncludeTotal = query.Cursor is null };
        Rows = await browseStore.ListAccountsAsync(Query, cancellationToken);
    }

    public string PageLink(PageCursor? cursor) => Parameters.WithCursor("/accounts", cursor);

    /// <summary>A column header's link: sorts by that column, or turns the direction round when it is the current sort.</summary>
    public string SortLink(string sort) => Parameters.Resorted("/accounts", sort, PageCursor.SortName(Query.Sort) == PageCursor.SortName(ListParameters.AccountSorts[sort]) ? !Query.Descending : null);

    public string SortMark(string sort) =>
        PageCursor.SortName(Query.Sort) == PageCursor.SortName(ListParameters.AccountSorts[sort]) ? (Query.Descending ? " ↓" : " ↑") : "";
}
