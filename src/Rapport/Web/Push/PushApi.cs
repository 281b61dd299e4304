using Rapport.Application.Sync;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Application.Push;
using Rapport.Web.Audit;
using Rapport.Web.Auth;

namespace Rapport.Web.Push;

/// <summary><c>/api/v1/integrations/intercom/push</c>: the push's settings, a dry run or a run, and its status. Admins and Leaders.</summary>
internal static class PushApi
{
    private const string Status = "/api/v1/integrations/intercom/push/status";

    public static void MapIntercomPushApi(this RouteGroupBuilder api)
    {
        var push = api.MapGroup("/integrations/intercom/push").WithTags("Intercom push").RequireAuthorization(TeamClaims.SettingsPolicy);
        push.MapGet("", GetAsync)
            .WithSummary("The push's settings (on/off, attribute prefix, monthly_spend, archiving stale attributes, schedule), whether a push runs, and the last run");
        push.MapPut("", PutAsync)
            .WithSummary("Replace the push's settings; turning it on needs Import users and companies. 400 names every problem and saves nothing");
        push.MapPost("/run", RunAsync)
            .WithSummary("dryRun=true: what a push would change per company and user (old → new), nothing written. Otherwise start a push (202; 409 while one runs or when it is off)");
        push.MapGet("/status", StatusAsync)
            .WithSummary("Whether a push runs, and the last run: when, companies and users updated, write calls, failures with Intercom's error, skipped deleted companies, stale attributes");
    }

    private static async Task<Ok<PushStatusDto>> GetAsync(SyncSettings settings, IntercomPushJob job, CancellationToken cancellationToken) =>
        TypedResults.Ok(await PushStatusDto.ReadAsync(settings, job, cancellationToken));

    private static async Task<Results<Ok<PushStatusDto>, ProblemHttpResult>> PutAsync(
        PushSettingsInput input, SyncSettings settings, IntercomPushJob job, CancellationToken cancellationToken)
    {
        var problems = await input.SaveAsync(settings, cancellationToken);
        return problems.Count == 0
            ? TypedResults.Ok(await PushStatusDto.ReadAsync(settings, job, cancellationToken))
            : TypedResults.Problem(string.Join(" ", problems), statusCode: StatusCodes.Status400BadRequest, title: "The push settings cannot be saved");
    }

    private static async Task<Results<Ok<PushReport>, Accepted<PushStatusDto>, ProblemHttpResult>> RunAsync(
        bool? dryRun, SyncSettings settings, IntercomPushJob job, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (dryRun == true)
        {
            var (report, refusal) = await job.PreviewAsync(cancellationToken);
            return report is not null ? TypedResults.Ok(report) : TypedResults.Problem(refusal, statusCode: StatusCodes.Status409Conflict, title: "No dry run now");
        }

        var problem = await job.StartPushAsync(cancellationToken);
        if (problem is null)
            await audit.RecordAsync(AuditActions.PushStarted);
        return problem is null
            ? TypedResults.Accepted(Status, await PushStatusDto.ReadAsync(settings, job, cancellationToken))
            : TypedResults.Problem(problem, statusCode: StatusCodes.Status409Conflict, title: "The push cannot start now");
    }

    private static async Task<Ok<PushStatusDto>> StatusAsync(SyncSettings settings, IntercomPushJob job, CancellationToken cancellationToken) =>
        TypedResults.Ok(await PushStatusDto.ReadAsync(settings, job, cancellationToken));
}

/// <param name="LastRun">The last real push (a dry run is never kept), or null before the first.</param>
internal sealed record PushStatusDto(PushSettingsInput Settings, bool Running, PushReport? LastRun)
{
    public static async Task<PushStatusDto> ReadAsync(SyncSettings settings, IntercomPushJob job, CancellationToken cancellationToken) => new(
        await PushSettingsInput.LoadAsync(settings, cancellationToken), job.Running, await settings.LastPushAsync(cancellationToken));
}
