using System.Text.Json;
using Rapport.IntercomSimulator.Faults;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Control;

/// <summary>The test-only control API under /_simulator/: no auth, not rate limited, not counted.</summary>
internal static class ControlEndpoints
{
    public static void MapControl(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/_simulator");
        control.MapGet("/stats", Stats);
        control.MapDelete("/stats", (SimulatorRuntime runtime) => { runtime.Stats.Reset(); return Results.NoContent(); });
        control.MapPost("/faults", AddFaultAsync);
        control.MapDelete("/faults", (SimulatorRuntime runtime) => { runtime.Faults.Clear(); return Results.NoContent(); });
        control.MapPut("/rate_limit", SetRateLimitAsync);
        control.MapPost("/companies/{id}", SetCompanyAsync);
        control.MapPost("/oauth/redirect_uris", RegisterRedirectAsync);
        control.MapPost("/oauth/revoke", (SimulatorRuntime runtime) => { runtime.OAuth.RevokeAll(); return Results.NoContent(); });
        control.MapConversationControl();
    }

    private static IResult Stats(SimulatorRuntime runtime) => JsonBody.Create(w => StatsJson.Write(w, runtime.Stats));

    private static Task<IResult> AddFaultAsync(HttpContext context, SimulatorRuntime runtime) => GuardAsync(context, body =>
    {
        var kind = body.OptionalString("kind") switch
        {
            "rate_limit" => FaultKind.RateLimit,
            "server_error" => FaultKind.ServerError,
            "slow" => FaultKind.Slow,
            "truncated_body" => FaultKind.TruncatedBody,
            "drop_connection" => FaultKind.DropConnection,
            var other => throw ApiException.Invalid($"Unknown fault kind '{other}'", "kind"),
        };
        var count = (int)(body.OptionalInteger("count") ?? 1);
        var delay = TimeSpan.FromMilliseconds(body.OptionalInteger("delay_ms") ?? 1000);
        if (body.OptionalInteger("after") is > 0 and var after) { runtime.Faults.Add(FaultKind.Pass, (int)after, body.OptionalString("path"), TimeSpan.Zero); }
        runtime.Faults.Add(kind, count, body.OptionalString("path"), delay);
        return Results.NoContent();
    });

    private static Task<IResult> SetRateLimitAsync(HttpContext context, SimulatorRuntime runtime) => GuardAsync(context, body =>
    {
        runtime.RateLimit.Change((int?)body.OptionalInteger("per_minute"));
        return Results.NoContent();
    });

    private static Task<IResult> RegisterRedirectAsync(HttpContext context, SimulatorRuntime runtime) => GuardAsync(context, body =>
    {
        if (!Uri.TryCreate(body.OptionalString("url"), UriKind.Absolute, out var url)) { throw ApiException.Invalid("url must be an absolute URL", "url"); }
        runtime.Redirects.Register(url);
        return Results.NoContent();
    });

    // Fields the public API cannot write (last_request_at, session_count...), for tests that run the simulator as a process.
    private static Task<IResult> SetCompanyAsync(HttpContext context, SimulatorRuntime runtime) => GuardAsync(context, body =>
    {
        var id = Query.Route(context, "id");
        var workspace = runtime.Workspace;
        if (workspace.FindCompany(id) is null) { throw ApiException.NotFound("company_not_found", "Company Not Found"); }
        workspace.UpdateCompany(id, c =>
        {
            if (body.Has("last_request_at")) { c.LastRequestAt = body.OptionalUnix("last_request_at"); }
            if (body.OptionalInteger("session_count") is { } sessions) { c.SessionCount = (int)sessions; }
            if (body.OptionalUnix("created_at") is { } created) { c.CreatedAt = created; }
            if (body.OptionalUnix("updated_at") is { } updated) { c.UpdatedAt = updated; }
            if (body.OptionalUnix("remote_created_at") is { } remote) { c.RemoteCreatedAt = remote; }
            if (body.Has("company_id")) { c.CompanyId = body.OptionalString("company_id"); }
        });
        lock (workspace.Sync)
        {
            var company = workspace.GetCompany(id);
            return (IResult)JsonBody.Create(w => Companies.CompanyJson.Write(w, company, workspace));
        }
    });

    private static async Task<IResult> GuardAsync(HttpContext context, Func<JsonElement, IResult> handle)
    {
        try
        {
            return handle(await RequestJson.ReadObjectAsync(context));
        }
        catch (ApiException error)
        {
            return JsonBody.Error(error.Status, error.Code, error.Message, error.Field);
        }
    }
}
