using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Hub.Storage;

namespace Rapport.Web.Conversations;

/// <summary><c>/api/v1/conversations</c>: one conversation with its parts, and an account's latest conversations. Any teammate may read.</summary>
internal static class ConversationsApi
{
    /// <summary>Conversations are only imported from Intercom so far.</summary>
    internal const string Source = "intercom";

    public static void MapConversationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/conversations/{id}", GetAsync).WithTags("Conversations")
            .WithSummary("One conversation with every part kept, oldest first (bodies as sent, in HTML, and as plain text)");
        api.MapGet("/accounts/{id:long}/conversations", ListForAccountAsync).WithTags("Conversations")
            .WithSummary("The conversations of an account's users, most recently updated first");
    }

    private static async Task<Results<Ok<ConversationDto>, ProblemHttpResult>> GetAsync(string id, IHubStore store, CancellationToken cancellationToken) =>
        await store.GetConversationAsync(Source, id, cancellationToken) is { } view
            ? TypedResults.Ok(ConversationDto.From(view))
            : TypedResults.Problem($"There is no conversation with id {id}.", statusCode: 404);

    private static async Task<Results<Ok<IReadOnlyList<ConversationItemDto>>, ProblemHttpResult>> ListForAccountAsync(
        long id, IHubStore store, CancellationToken cancellationToken, int limit = 50)
    {
        if (limit is < 1 or > 500)
            return TypedResults.Problem("limit must be between 1 and 500.", statusCode: 400, title: "Bad parameter: limit");
        if (await store.GetAccountAsync(id, userLimit: 0, cancellationToken) is not { } account)
            return TypedResults.Problem($"There is no account with id {id}.", statusCode: 404);
        var rows = await store.ListAccountConversationsAsync(account.ExternalId, limit, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ConversationItemDto>>([.. rows.Select(ConversationItemDto.From)]);
    }
}
