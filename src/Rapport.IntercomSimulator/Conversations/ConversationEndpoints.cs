using System.Text.Json;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Conversations;

/// <summary>GET /conversations, POST /conversations/search and GET /conversations/{id} (spec 2.16).</summary>
internal static class ConversationEndpoints
{
    // "default 20, maximum 150" for both the list and the search (spec parameter schema and search description).
    private const int DefaultPerPage = 20;
    private const int MaxPerPage = 150;

    public static void MapConversations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/conversations", List).Api();
        app.MapPost("/conversations/search", SearchAsync).Api();
        app.MapGet("/conversations/{conversation_id}", Get).Api();
    }

    private static IResult List(HttpContext context, SimulatorRuntime runtime)
    {
        var perPage = Query.Int(context, "per_page", DefaultPerPage);
        if (perPage > MaxPerPage) { throw ApiException.Invalid($"per_page must be at most {MaxPerPage}", "per_page"); }
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var (page, total, number, next) = ConversationCursor.Slice(workspace.ConversationList, perPage, Query.String(context, "starting_after"));
            return JsonBody.Create(w => ConversationJson.WriteList(w, page, workspace, number, perPage, total, next));
        }
    }

    private static async Task<IResult> SearchAsync(HttpContext context, SimulatorRuntime runtime)
    {
        var body = await RequestJson.ReadObjectAsync(context);
        if (!body.TryGetProperty("query", out var query)) { throw new ApiException(400, "parameter_not_found", "query is required", "query"); }
        var (perPage, startingAfter) = Pagination(body);
        var matches = ConversationSearchQuery.Compile(query);
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var (page, total, number, next) = ConversationCursor.Slice(workspace.ConversationList.Where(matches), perPage, startingAfter);
            return JsonBody.Create(w => ConversationJson.WriteList(w, page, workspace, number, perPage, total, next));
        }
    }

    private static IResult Get(HttpContext context, SimulatorRuntime runtime)
    {
        var plainText = Query.String(context, "display_as") == "plaintext";
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var conversation = workspace.ConversationUnlocked(Query.Route(context, "conversation_id"))
                ?? throw ApiException.NotFound("not_found", "Resource Not Found");
            return JsonBody.Create(w => ConversationJson.Write(w, conversation, workspace, ConversationJson.RecentParts(conversation), plainText));
        }
    }

    private static (int PerPage, string? StartingAfter) Pagination(JsonElement body)
    {
        if (!body.TryGetProperty("pagination", out var pagination) || pagination.ValueKind == JsonValueKind.Null) { return (DefaultPerPage, null); }
        var perPage = pagination.OptionalInteger("per_page") ?? DefaultPerPage;
        if (perPage is < 1 or > MaxPerPage) { throw ApiException.Invalid($"per_page must be between 1 and {MaxPerPage}", "pagination.per_page"); }
        return ((int)perPage, pagination.OptionalString("starting_after"));
    }
}
