using System.Globalization;
using System.Text.Json;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Events;

/// <summary>POST /events and GET /events?type=user (spec 2.16).</summary>
internal static class EventEndpoints
{
    /// <summary>"You can only 'list' events that are less than 90 days old" (spec GET /events).</summary>
    public static readonly TimeSpan ListWindow = TimeSpan.FromDays(90);

    // per_page is mentioned by the 2.16 text without a default; 50 is the simulator's choice (UNVERIFIED).
    private const int DefaultPerPage = 50;
    private const int MaxPerPage = 150;
    private const int MaxMetadataKeys = 10;

    public static void MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events", List).Api();
        app.MapPost("/events", CreateAsync).Api();
    }

    private static IResult List(HttpContext context, SimulatorRuntime runtime)
    {
        if (Query.String(context, "type") != "user") { throw ApiException.Invalid("type must be user", "type"); }
        var perPage = Query.Int(context, "per_page", DefaultPerPage, max: MaxPerPage);
        var page = Query.Int(context, "page", 1);
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var contact = Find(workspace, Query.String(context, "intercom_user_id"), Query.String(context, "user_id"), Query.String(context, "email"));
            var events = workspace.EventListUnlocked(contact.Id);
            if (Query.Flag(context, "summary")) { return JsonBody.Create(w => EventJson.WriteSummary(w, contact, events)); }
            var since = workspace.Now - ListWindow;
            var listed = events.Where(e => e.CreatedAt > since).OrderByDescending(e => e.CreatedAt).ToList();
            var slice = listed.Skip((page - 1) * perPage).Take(perPage).ToList();
            var next = page * perPage < listed.Count ? NextUrl(context, page + 1) : null;
            return JsonBody.Create(w => EventJson.WriteList(w, contact, slice, next));
        }
    }

    private static async Task<IResult> CreateAsync(HttpContext context, SimulatorRuntime runtime)
    {
        var body = await RequestJson.ReadObjectAsync(context);
        var name = body.OptionalString("event_name") is { Length: > 0 } n ? n : throw new ApiException(400, "parameter_not_found", "event_name is required", "event_name");
        var createdAt = body.OptionalUnix("created_at") ?? throw new ApiException(400, "parameter_not_found", "created_at is required", "created_at");
        var metadata = Metadata(body);
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var contact = Find(workspace, body.OptionalString("id"), body.OptionalString("user_id"), body.OptionalString("email"));

            // A duplicate (same contact, name and created_at) is still accepted, and still counted (Intercom's API
            // reference, "Submit a data event").
            workspace.TrackEvent(contact.Id, name, createdAt, metadata);
        }

        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static SimulatedContact Find(SimulatorWorkspace workspace, string? id, string? userId, string? email)
    {
        if (id is null && userId is null && email is null)
        {
            throw new ApiException(400, "parameter_not_found", "One of intercom_user_id (id), user_id or email is required");
        }

        if (id is not null) { return workspace.ContactUnlocked(id) ?? throw UserNotFound(); }
        if (userId is not null) { return workspace.ContactList.Find(c => c.ExternalId == userId) ?? throw UserNotFound(); }
        var matches = workspace.ContactList.FindAll(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase));
        return matches.Count switch
        {
            0 => throw UserNotFound(),
            1 => matches[0],
            _ => throw new ApiException(409, "conflict", "Multiple existing users match this email address - must be more specific using user_id"),
        };
    }

    // Only the first 10 keys are kept; nested objects (rich links, money) are kept as their JSON text, as the spec types values as strings.
    private static Dictionary<string, string> Metadata(JsonElement body)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!body.TryGetProperty("metadata", out var value) || value.ValueKind == JsonValueKind.Null) { return metadata; }
        if (value.ValueKind != JsonValueKind.Object) { throw ApiException.Invalid("metadata must be an object", "metadata"); }
        foreach (var property in value.EnumerateObject().Take(MaxMetadataKeys))
        {
            metadata[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }

        return metadata;
    }

    private static string NextUrl(HttpContext context, int page)
    {
        var query = context.Request.Query
            .Where(q => q.Key != "page")
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append(string.Create(CultureInfo.InvariantCulture, $"page={page}"));
        return $"{context.Request.Scheme}://{context.Request.Host}/events?{string.Join('&', query)}";
    }

    private static ApiException UserNotFound() => ApiException.NotFound("not_found", "User Not Found");
}
