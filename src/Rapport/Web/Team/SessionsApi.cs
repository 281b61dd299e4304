using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Hub.Team;
using Rapport.Web.Audit;
using Rapport.Web.Auth;
using Rapport.Hub.Security;

namespace Rapport.Web.Team;

/// <summary>
/// <c>/api/v1/me/sessions</c>: where the caller is signed in, and ending a session; <c>/api/v1/teammates/{id}/sessions</c>:
/// an Admin signs a teammate out everywhere. API tokens are not sessions and are untouched by all of it.
/// </summary>
internal static class SessionsApi
{
    public static void MapSessionsApi(this RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/me/sessions").WithTags("Team");
        mine.MapGet("/", ListAsync).WithSummary("Your live sessions (one per sign-in), the most recently seen first; current marks the one this call came in");
        mine.MapDelete("/{id:long}", EndAsync).WithSummary("Sign one of your sessions out: its cookie, and every copy of it, stops working at once");

        api.MapDelete("/teammates/{id:long}/sessions", EndAllAsync).WithTags("Team").RequireAuthorization(TeamClaims.AdminPolicy)
            .WithSummary("Sign a teammate out of every session (Admins); their API tokens keep working until revoked");
    }

    private static async Task<Ok<SessionDto[]>> ListAsync(ClaimsPrincipal user, ISignInStore signInStore, ITeamStore teamStore, CancellationToken cancellationToken)
    {
        var sessions = await signInStore.ListSessionsAsync(Me(user), cancellationToken);
        return TypedResults.Ok(sessions.Select(s => SessionDto.From(s, user.SessionId())).ToArray());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EndAsync(
        long id, HttpContext context, ISignInStore signInStore, ITeamStore teamStore, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (id == context.User.SessionId())
        {
            // The caller's own session: the same as signing out, cookie cleared.
            await audit.RecordAsync(AuditActions.SignedOut);
            await Sessions.SignOutAsync(context, signInStore, cancellationToken);
            return TypedResults.NoContent();
        }

        if (!await signInStore.EndSessionAsync(Me(context.User), id, cancellationToken))
            return TypedResults.Problem($"You have no session {id}: it has ended, or it is not yours.", statusCode: 404);
        await audit.RecordAsync(AuditActions.SessionsEnded, null, "1 other session, from the API");
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<EndedSessionsDto>, ProblemHttpResult>> EndAllAsync(
        long id, ISignInStore signInStore, ITeamStore teamStore, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (await teamStore.FindTeammateAsync(id, cancellationToken) is not { } teammate)
            return TypedResults.Problem($"There is no teammate with id {id}.", statusCode: 404);
        var ended = await signInStore.EndSessionsAsync(id, null, cancellationToken);
        await audit.RecordAsync(AuditActions.SessionsEnded, AuditActions.Name(teammate), $"all {ended}, by an Admin");
        return TypedResults.Ok(new EndedSessionsDto(ended));
    }

    private static long Me(ClaimsPrincipal user) => user.TeammateId() ?? throw new InvalidOperationException("A signed-in teammate has an id claim.");
}

/// <param name="Device">The browser and system in words, read from <paramref name="UserAgent"/> ("Firefox on Linux").</param>
/// <param name="Address">The client's address when it signed in (behind a trusted proxy, the one it forwarded).</param>
/// <param name="Current">Whether this call came in this session (never for a call made with an API token).</param>
public sealed record SessionDto(
    long Id, string Device, string? UserAgent, string? Address, DateTimeOffset SignedInAt, DateTimeOffset LastSeenAt, bool Current)
{
    public static SessionDto From(TeammateSession s, long? current) =>
        new(s.Id, UserAgents.Describe(s.UserAgent), s.UserAgent, s.Address, s.CreatedAt, s.LastSeenAt, s.Id == current);
}

/// <param name="Ended">How many live sessions were signed out.</param>
public sealed record EndedSessionsDto(int Ended);
