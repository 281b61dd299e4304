using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Hub.Team;
using Rapport.Web.Audit;
using Rapport.Web.Auth;

namespace Rapport.Web.Team;

/// <summary><c>/api/v1/me</c> and <c>/api/v1/teammates</c>: who is calling, and the team (Admins manage it).</summary>
internal static class TeamApi
{
    public static void MapTeamApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", MeAsync).WithTags("Team").WithSummary("The teammate the session or token belongs to");

        var teammates = api.MapGroup("/teammates").WithTags("Team");
        teammates.MapGet("/", ListAsync).WithSummary("Every teammate");
        teammates.MapPost("/", AddAsync).RequireAuthorization(TeamClaims.AdminPolicy)
            .WithSummary("Add a teammate (Admins); the answer holds their generated password, shown only once");
        teammates.MapPut("/{id:long}/role", SetRoleAsync).RequireAuthorization(TeamClaims.AdminPolicy)
            .WithSummary("Change a teammate's role (Admins): admin, leader or team_member; it applies from their next request. Not one's own, so that a hub always keeps an Admin");
        teammates.MapPut("/{id:long}/intercom-admin", MapAdminAsync).RequireAuthorization(TeamClaims.AdminPolicy)
            .WithSummary("Map a teammate to their Intercom admin by email (Admins); replies and messages from Rapport are sent as that admin. Null or empty: by their own email");
        teammates.MapDelete("/{id:long}", RemoveAsync).RequireAuthorization(TeamClaims.AdminPolicy).WithSummary("Remove a teammate (Admins)");
    }

    private static async Task<Results<Ok<TeammateDto>, UnauthorizedHttpResult>> MeAsync(ClaimsPrincipal user, ITeamStore store, CancellationToken cancellationToken) =>
        user.TeammateId() is { } id && await store.FindTeammateAsync(id, cancellationToken) is { } teammate
            ? TypedResults.Ok(TeammateDto.From(teammate))
            : TypedResults.Unauthorized();

    private static async Task<Ok<TeammateDto[]>> ListAsync(ITeamStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListTeammatesAsync(cancellationToken)).Select(TeammateDto.From).ToArray());

    private static async Task<Results<Created<NewTeammateDto>, ProblemHttpResult>> AddAsync(
        NewTeammateRequest request, ITeamStore store, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || !request.Email.Contains('@', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(request.Name))
            return TypedResults.Problem("A teammate needs a name and an email.", statusCode: 400);
        if (!TeamRoles.TryParse(request.Role, out var role))
            return TypedResults.Problem($"'{request.Role}' is not a role: admin, leader or team_member.", statusCode: 400);

        var password = Passwords.Generate();
        var added = await store.AddTeammateAsync(request.Email, request.Name, role, request.IntercomAdminEmail, Passwords.Hash(password), cancellationToken);
        if (added is not null)
            await audit.RecordAsync(AuditActions.TeammateAdded, AuditActions.Name(added), added.Role.Display());
        return added is null
            ? TypedResults.Problem($"A teammate with the email {request.Email} exists already.", statusCode: 409)
            : TypedResults.Created($"/api/v1/teammates/{added.Id}", new NewTeammateDto(TeammateDto.From(added), password));
    }

    private static async Task<Results<Ok<TeammateDto>, ProblemHttpResult>> SetRoleAsync(
        long id, RoleRequest request, ClaimsPrincipal user, ITeamStore store, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (!TeamRoles.TryParse(request.Role, out var role))
            return TypedResults.Problem($"'{request.Role}' is not a role: admin, leader or team_member.", statusCode: 400, title: "Bad field: role");
        if (id == user.TeammateId())
            return TypedResults.Problem("You cannot change your own role: another Admin can.", statusCode: 400);
        if (await store.FindTeammateAsync(id, cancellationToken) is not { } teammate
            || !await store.UpdateTeammateAsync(id, teammate.Name, role, teammate.IntercomAdminEmail, cancellationToken))
        {
            return TypedResults.Problem($"There is no teammate with id {id}.", statusCode: 404);
        }

        if (teammate.Role != role)
            await audit.RecordAsync(AuditActions.RoleChanged, AuditActions.Name(teammate), $"{teammate.Role.Display()} → {role.Display()}");
        return TypedResults.Ok(TeammateDto.From(teammate with { Role = role }));
    }

    private static async Task<Results<Ok<TeammateDto>, ProblemHttpResult>> MapAdminAsync(
        long id, IntercomAdminRequest request, ITeamStore store, IAuditLog audit, CancellationToken cancellationToken)
    {
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
            return TypedResults.Problem($"'{email}' is not an email.", statusCode: 400, title: "Bad field: email");
        if (await store.FindTeammateAsync(id, cancellationToken) is not { } teammate
            || !await store.UpdateTeammateAsync(id, teammate.Name, teammate.Role, email, cancellationToken))
        {
            return TypedResults.Problem($"There is no teammate with id {id}.", statusCode: 404);
        }

        await audit.RecordAsync(AuditActions.IntercomAdminChanged, AuditActions.Name(teammate), email ?? "their own email");
        return TypedResults.Ok(TeammateDto.From(teammate with { IntercomAdminEmail = email }));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RemoveAsync(
        long id, ClaimsPrincipal user, ITeamStore store, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (id == user.TeammateId())
            return TypedResults.Problem("You cannot remove yourself.", statusCode: 400);
        if (await store.FindTeammateAsync(id, cancellationToken) is not { } teammate || !await store.RemoveTeammateAsync(id, cancellationToken))
            return TypedResults.NotFound();
        await audit.RecordAsync(AuditActions.TeammateRemoved, AuditActions.Name(teammate), teammate.Role.Display());
        return TypedResults.NoContent();
    }
}

public sealed record TeammateDto(long Id, string Email, string Name, string Role, string? IntercomAdminEmail, DateTimeOffset CreatedAt)
{
    public static TeammateDto From(Teammate t) => new(t.Id, t.Email, t.Name, t.Role.ToName(), t.IntercomAdminEmail, t.CreatedAt);
}

public sealed record NewTeammateRequest(string Email, string Name, string Role, string? IntercomAdminEmail);

public sealed record NewTeammateDto(TeammateDto Teammate, string Password);

/// <param name="Role">admin, leader or team_member.</param>
public sealed record RoleRequest(string Role);

/// <param name="Email">The Intercom admin's email; null or empty maps the teammate by their own email.</param>
public sealed record IntercomAdminRequest(string? Email);
