using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Application.Import;
using Rapport.Web.Auth;

namespace Rapport.Web.Integration;

/// <summary><c>/api/v1/integrations/intercom/status</c> and <c>/sweep</c>: the sync status card and "Reconcile now". Admins and Leaders only.</summary>
internal static class IntercomSyncApi
{
    private const string Base = "/api/v1/integrations/intercom";

    public static void MapIntercomSyncApi(this RouteGroupBuilder api)
    {
        var intercom = api.MapGroup("/integrations/intercom").WithTags("Intercom integration").RequireAuthorization(TeamClaims.SettingsPolicy);
        intercom.MapGet("/status", StatusAsync)
            .WithSummary("Live sync status: webhooks received and applied, inbox pending and failed, lag, the last reconciliation sweep (what it healed per kind: missed by webhooks), the running total, the next sweep");
        intercom.MapPost("/sweep", SweepAsync)
            .WithSummary("Start a reconciliation sweep now: what changed in Intercom since the last checkpoint is read and applied (409 while a sync or sweep runs)");
    }

    private static async Task<Ok<SyncHealthDto>> StatusAsync(IntercomSyncHealth health, CancellationToken cancellationToken) =>
        TypedResults.Ok(SyncHealthDto.From(await health.ReadAsync(cancellationToken)));

    private static async Task<Results<Accepted<SyncStatus>, ProblemHttpResult>> SweepAsync(ClaimsPrincipal user, IntercomSyncJob job, CancellationToken cancellationToken)
    {
        var (status, refusal) = await job.StartSweepAsync(user.Describe(), cancellationToken);
        return refusal is null
            ? TypedResults.Accepted(Base + "/status", status)
            : TypedResults.Problem(refusal, statusCode: StatusCodes.Status409Conflict, title: "The sweep cannot start now");
    }
}
