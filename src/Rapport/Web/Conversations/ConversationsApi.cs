using Rapport.Application.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Hub.Conversations;
using Rapport.Application;
using Rapport.Web.Accounts;
using Rapport.Web.Integration;
using Rapport.Hub.Accounts;

namespace Rapport.Web.Conversations;

/// <summary>
/// <c>/api/v1/conversations</c>: the inbox, one conversation with its parts, an account's latest conversations, and the
/// completeness audit. Any teammate may read and audit (the audit only brings Intercom's own data in).
/// </summary>
internal static class ConversationsApi
{
    public static void MapConversationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/conversations", ListAsync).WithTags("Conversations")
            .WithSummary("Every stored conversation, most recently updated first, keyset-paged; state=open|closed, bot=true, unattached=true");
        api.MapPost("/conversations/audit", AuditAsync).WithTags("Conversations")
            .WithSummary("Completeness audit: compare each stored conversation's parts with Intercom's count and read again those that fall short");
        api.MapGet("/conversations/{id}", GetAsync).WithTags("Conversations")
            .WithSummary("One conversation with every part kept, oldest first (bodies as sent, in HTML, and as plain text)");
        api.MapGet("/accounts/{id:long}/conversations", ListForAccountAsync).WithTags("Conversations")
            .WithSummary("The conversations of an account's users, most recently updated first");
    }

    private static async Task<Results<Ok<PageDto<ConversationListItemDto>>, ProblemHttpResult>> ListAsync(
        AccountDirectory accounts, IConversationStore conversationStore, CancellationToken cancellationToken, string? state = null, bool bot = false, bool unattached = false,
        int limit = PageCursor.DefaultPageSize, string? cursor = null, bool total = false)
    {
        if (state is not (null or "" or "all" or "open" or "closed"))
            return TypedResults.Problem("state must be open, closed or all.", statusCode: 400, title: "Bad parameter: state");
        bool? open = state switch { "open" => true, "closed" => false, _ => null };
        if (limit is < 1 or > PageCursor.MaxPageSize)
            return TypedResults.Problem($"limit must be between 1 and {PageCursor.MaxPageSize}.", statusCode: 400, title: "Bad parameter: limit");
        PageCursor? position = null;
        if (!string.IsNullOrEmpty(cursor) && (!PageCursor.TryDecode(cursor, out position) || !position!.Fits("conversations", "updated", true)))
            return TypedResults.Problem("The cursor is damaged or belongs to another list.", statusCode: 400, title: "Bad parameter: cursor");

        var page = await conversationStore.ListConversationsAsync(new ConversationQuery(open, bot, unattached, position, limit, total), cancellationToken);
        string? Link(PageCursor? at) => at is null ? null
            : $"/api/v1/conversations?limit={limit}{(open is null ? "" : $"&state={state}")}{(bot ? "&bot=true" : "")}{(unattached ? "&unattached=true" : "")}&cursor={Uri.EscapeDataString(at.Encode())}";
        return TypedResults.Ok(new PageDto<ConversationListItemDto>(
            [.. page.Rows.Select(ConversationListItemDto.From)], Link(page.Next), Link(page.Previous), page.Next?.Encode(), page.Previous?.Encode(), page.Total));
    }

    private static async Task<Results<Ok<ConversationAuditDto>, ProblemHttpResult>> AuditAsync(
        ConversationAuditRunner audit, CancellationToken cancellationToken) =>
        await audit.RunAsync(cancellationToken) is { } result
            ? TypedResults.Ok(ConversationAuditDto.From(result))
            : TypedResults.Problem(ConversationAuditRunner.NotConnected, statusCode: 409, title: "Intercom is not connected");

    private static async Task<Results<Ok<ConversationDto>, ProblemHttpResult>> GetAsync(string id, AccountDirectory accounts, IConversationStore conversationStore, CancellationToken cancellationToken) =>
        await conversationStore.GetConversationAsync(IntercomSource.Name, id, cancellationToken) is { } view
            ? TypedResults.Ok(ConversationDto.From(view))
            : TypedResults.Problem($"There is no conversation with id {id}.", statusCode: 404);

    private static async Task<Results<Ok<IReadOnlyList<ConversationItemDto>>, ProblemHttpResult>> ListForAccountAsync(
        long id, AccountDirectory accounts, IConversationStore conversationStore, CancellationToken cancellationToken, int limit = 50)
    {
        if (limit is < 1 or > 500)
            return TypedResults.Problem("limit must be between 1 and 500.", statusCode: 400, title: "Bad parameter: limit");
        if (await accounts.GetAccountAsync(id, userLimit: 0, cancellationToken) is not { } account)
            return TypedResults.Problem($"There is no account with id {id}.", statusCode: 404);
        var rows = await conversationStore.ListAccountConversationsAsync(account.ExternalId, limit, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ConversationItemDto>>([.. rows.Select(ConversationItemDto.From)]);
    }
}
