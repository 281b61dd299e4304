using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Hub.Accounts;
using Rapport.Hub.Users;

namespace Rapport.Web.Accounts;

/// <summary><c>/api/v1/users</c>: the users list (keyset pages), one user with all its Intercom data and accounts, and the filters' values. Any teammate may read.</summary>
internal static class UsersApi
{
    private const string Path = "/api/v1/users";

    public static void MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", ListAsync).WithSummary("Users, filtered (also by account) and sorted, a page at a time: follow next");
        users.MapGet("/{id:long}", GetAsync).WithSummary("One user: its Intercom contact's fields, custom attributes, tags, segments, raw JSON, and its accounts");
        users.MapGet("/facets", FacetsAsync).WithSummary("What the filters offer: tags and segments with how many mirrored Intercom contacts have them, and custom attribute names");
    }

    private static async Task<Results<Ok<PageDto<UserItemDto>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListParameters parameters, IBrowseStore store, CancellationToken cancellationToken)
    {
        var (query, problem) = parameters.ToUserQuery();
        if (problem is not null)
            return AccountsApi.Problem(problem);
        var page = await store.ListUsersAsync(query!, cancellationToken);
        return TypedResults.Ok(AccountsApi.Page(parameters, Path, page, UserItemDto.From));
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> GetAsync(long id, IBrowseStore store, CancellationToken cancellationToken) =>
        await store.GetUserAsync(new UserId(id), cancellationToken) is { } user
            ? TypedResults.Ok(UserDto.From(user))
            : TypedResults.Problem($"There is no user with id {id}.", statusCode: 404);

    private static async Task<Ok<FacetsDto>> FacetsAsync(IBrowseStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(FacetsDto.From(await store.GetUserFacetsAsync(cancellationToken)));
}
