using Rapport.Application.Sources;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Hub.Accounts;
using Rapport.Hub.Sources;

namespace Rapport.Web.Accounts;

/// <summary><c>/api/v1/accounts</c>: the accounts list (keyset pages), one account with all its Intercom data, and the filters' values. Any teammate may read.</summary>
internal static class AccountsApi
{
    private const string Path = "/api/v1/accounts";

    public static void MapAccountsApi(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapGet("/", ListAsync)
            .WithSummary("Accounts, filtered and sorted, a page at a time: follow next (a cursor, never an offset, so deep pages cost what the first does)");
        accounts.MapGet("/{id:long}", GetAsync).WithSummary("One account: every field of its Intercom company, custom attributes, tags, segments, raw JSON, and its users");
        accounts.MapGet("/facets", FacetsAsync).WithSummary("What the filters offer: tags, segments and plans with how many Intercom companies (active or not) have them, and custom attribute names");
    }

    private static async Task<Results<Ok<PageDto<AccountItemDto>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListParameters parameters, IBrowseStore browseStore, SourcePrecedences precedences, CancellationToken cancellationToken)
    {
        var (query, problem) = parameters.ToAccountQuery();
        if (problem is not null)
            return Problem(problem);
        var page = await browseStore.ListAccountsAsync(query!, cancellationToken);
        return TypedResults.Ok(Page(parameters, Path, page, AccountItemDto.From));
    }

    private static async Task<Results<Ok<AccountDto>, ProblemHttpResult>> GetAsync(long id, IBrowseStore browseStore, SourcePrecedences precedences, CancellationToken cancellationToken) =>
        await browseStore.GetAccountAsync(new AccountId(id), cancellationToken: cancellationToken) is { } account
            ? TypedResults.Ok(AccountDto.From(account, await precedences.GetAsync(cancellationToken)))
            : TypedResults.Problem($"There is no account with id {id}.", statusCode: 404);

    private static async Task<Ok<FacetsDto>> FacetsAsync(IBrowseStore browseStore, SourcePrecedences precedences, CancellationToken cancellationToken) =>
        TypedResults.Ok(FacetsDto.From(await browseStore.GetAccountFacetsAsync(cancellationToken)));

    internal static ProblemHttpResult Problem(ListProblem problem) =>
        TypedResults.Problem(problem.Message, statusCode: 400, title: $"Bad parameter: {problem.Parameter}",
            extensions: new Dictionary<string, object?> { ["parameter"] = problem.Parameter });

    internal static PageDto<TDto> Page<TRow, TDto>(ListParameters parameters, string path, BrowsePage<TRow> page, Func<TRow, TDto> map) => new(
        [.. page.Rows.Select(map)],
        page.Next is null ? null : parameters.WithCursor(path, page.Next),
        page.Previous is null ? null : parameters.WithCursor(path, page.Previous),
        page.Next?.Encode(), page.Previous?.Encode(), page.Total);
}
