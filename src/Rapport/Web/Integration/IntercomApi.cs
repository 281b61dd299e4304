using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Intercom;
using Rapport.Application.Import;
using Rapport.Application.Settings;
using Rapport.Web.Auth;

namespace Rapport.Web.Integration;

/// <summary><c>/api/v1/integrations/intercom</c>: the connection, the options, the pre-enable check, the preview and the sync. Admins and Leaders only.</summary>
internal static class IntercomApi
{
    private const string Base = "/api/v1/integrations/intercom";

    public static void MapIntercomApi(this RouteGroupBuilder api)
    {
        var intercom = api.MapGroup("/integrations/intercom").WithTags("Intercom integration").RequireAuthorization(TeamClaims.SettingsPolicy);
        intercom.MapGet("/", GetAsync).WithSummary("The connection (never its token), the options, the last sync and what the hub holds");
        intercom.MapPut("/", PutAsync).WithSummary("Replace the options; enabling Import users and companies runs the pre-enable check first (409 with its findings when ids are missing)");
        intercom.MapPost("/token", ConnectAsync).WithSummary("Connect with an access token (a private app's); verified with GET /me before it replaces the connection");
        intercom.MapDelete("/connection", DisconnectAsync).WithSummary("Forget the connection and its token");
        intercom.MapPost("/check", RunCheckAsync).WithSummary("Run the pre-enable check: companies without company_id, users without user_id, with links into Intercom");
        intercom.MapGet("/check", LastCheckAsync).WithSummary("The last pre-enable check of the current connection");
        intercom.MapGet("/check.csv", CheckCsvAsync).WithSummary("The last check's findings as CSV: kind, intercom id, name, email, link");
        intercom.MapPost("/preview", PreviewAsync).WithSummary("How many companies qualify under the given rules and window, from a census of the workspace's companies");
        intercom.MapPost("/sync", SyncAsync).WithSummary("Start a sync (the import with the stored options) in the background");
        intercom.MapGet("/sync", (IntercomSyncJob job) => TypedResults.Ok(job.Status)).WithSummary("The running or last sync: progress, summary or error");
    }

    private static async Task<Ok<IntercomIntegrationDto>> GetAsync(IntercomIntegration integration, CancellationToken cancellationToken) =>
        TypedResults.Ok(IntercomIntegrationDto.From(await integration.StatusAsync(cancellationToken)));

    private static async Task<Results<Ok<IntercomIntegrationDto>, ProblemHttpResult>> PutAsync(
        IntercomIntegrationSettings settings, IntercomIntegration integration, CancellationToken cancellationToken)
    {
        var outcome = await integration.SaveAsync(settings, cancellationToken);
        if (outcome.Saved)
            return TypedResults.Ok(IntercomIntegrationDto.From(await integration.StatusAsync(cancellationToken)));
        return outcome.Check is { } check
            ? TypedResults.Problem(string.Join(" ", outcome.Problems), statusCode: 409, title: "The pre-enable check found missing ids",
                extensions: new Dictionary<string, object?> { ["check"] = CheckDto.From(check) })
            : TypedResults.Problem(string.Join(" ", outcome.Problems), statusCode: 400, title: "The options cannot be saved");
    }

    private static async Task<Results<Ok<ConnectionDto>, ProblemHttpResult>> ConnectAsync(
        TokenRequest request, ClaimsPrincipal user, IntercomConnections connections, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Token))
            return TypedResults.Problem("An access token is required.", statusCode: 400);
        if (!IntercomRegionCodes.TryParse(request.Region, out var region))
            return TypedResults.Problem($"'{request.Region}' is not a region: us, eu or au.", statusCode: 400);

        var (connection, problem) = await connections.ConnectAsync(IntercomRegionCodes.Code(region), request.Token.Trim(), "token", user.Describe(), cancellationToken);
        return connection is not null
            ? TypedResults.Ok(ConnectionDto.From(connection))
            : TypedResults.Problem(problem!.Detail + " The previous connection, if any, is unchanged.", statusCode: problem.Status, title: problem.Title);
    }

    private static async Task<NoContent> DisconnectAsync(IntercomConnections connections, CancellationToken cancellationToken)
    {
        await connections.DisconnectAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CheckDto>, ProblemHttpResult>> RunCheckAsync(IntercomCheck check, CancellationToken cancellationToken) =>
        await check.RunAsync(cancellationToken) is { } result
            ? TypedResults.Ok(CheckDto.From(result))
            : TypedResults.Problem("Intercom is not connected: connect it first.", statusCode: 409);

    private static async Task<Results<Ok<CheckDto>, NotFound>> LastCheckAsync(IntercomCheck check, CancellationToken cancellationToken) =>
        await check.LastAsync(cancellationToken) is { } result ? TypedResults.Ok(CheckDto.From(result)) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> CheckCsvAsync(IntercomCheck check, CancellationToken cancellationToken) =>
        await check.LastAsync(cancellationToken) is { } result
            ? TypedResults.File(Encoding.UTF8.GetBytes(IntercomCheck.Csv(result)), "text/csv; charset=utf-8", "intercom-missing-ids.csv")
            : TypedResults.NotFound();

    private static async Task<Results<Ok<PreviewResult>, ProblemHttpResult>> PreviewAsync(
        PreviewRequest request, CompanyCensus census, IntercomIntegration integration, CancellationToken cancellationToken)
    {
        var stored = (await integration.StatusAsync(cancellationToken)).Settings;
        var settings = stored with { LastSeenDays = request.LastSeenDays ?? stored.LastSeenDays, Qualification = request.Qualification ?? stored.Qualification };
        if (settings.Validate() is { Count: > 0 } problems)
            return TypedResults.Problem(string.Join(" ", problems), statusCode: 400);
        var snapshot = await census.GetAsync(request.Refresh, cancellationToken);
        return snapshot is null
            ? TypedResults.Problem("Intercom is not connected: connect it first.", statusCode: 409)
            : TypedResults.Ok(census.Preview(snapshot, settings));
    }

    private static async Task<Results<Accepted<SyncStatus>, ProblemHttpResult>> SyncAsync(ClaimsPrincipal user, IntercomSyncJob job, CancellationToken cancellationToken)
    {
        var (status, refusal) = await job.StartAsync(user.Describe(), cancellationToken);
        return refusal is null ? TypedResults.Accepted(Base + "/sync", status) : TypedResults.Problem(refusal, statusCode: 409);
    }

    internal static string Describe(this ClaimsPrincipal user) =>
        $"{user.Identity?.Name} ({user.FindFirstValue(ClaimTypes.Email)})";
}
