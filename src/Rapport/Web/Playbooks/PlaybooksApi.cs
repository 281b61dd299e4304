using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Web.Auth;
using Rapport.Hub.Playbooks;

namespace Rapport.Web.Playbooks;

/// <summary>
/// Playbooks over REST (Admins and Leaders): create, read, update, delete, enable or disable, a dry run listing whom it would
/// message with the rendered preview (nothing sent), and its audit log of every send, skip and deferral.
/// </summary>
internal static class PlaybooksApi
{
    public static void MapPlaybooksApi(this RouteGroupBuilder api)
    {
        var playbooks = api.MapGroup("/playbooks").WithTags("Playbooks").RequireAuthorization(TeamClaims.SettingsPolicy);
        playbooks.MapGet("/", ListAsync).WithSummary("Every playbook");
        playbooks.MapPost("/", CreateAsync)
            .WithSummary("Create a playbook: trigger, action, Liquid template, sender with an inbox seat, cap, quiet hours; 400 naming each problem, nothing saved");
        playbooks.MapGet("/{id:long}", GetAsync).WithSummary("One playbook");
        playbooks.MapPut("/{id:long}", UpdateAsync).WithSummary("Replace a playbook; validated as on create");
        playbooks.MapDelete("/{id:long}", DeleteAsync).WithSummary("Delete a playbook and its audit log");
        playbooks.MapPost("/{id:long}/enable", (long id, PlaybookService service, CancellationToken ct) => SetEnabledAsync(id, true, service, ct))
            .WithSummary("Turn a playbook on");
        playbooks.MapPost("/{id:long}/disable", (long id, PlaybookService service, CancellationToken ct) => SetEnabledAsync(id, false, service, ct))
            .WithSummary("Turn a playbook off: nothing more is sent, not even what was already queued");
        playbooks.MapPost("/{id:long}/dry-run", DryRunAsync)
            .WithSummary("Whom the playbook would message now, with the message each would read; nothing is sent");
        playbooks.MapGet("/{id:long}/audit", AuditAsync)
            .WithSummary("Every run, newest first: queued (with the Intercom id once sent), skipped or deferred with the reason, dry-run previews");
    }

    private static async Task<Ok<List<PlaybookDto>>> ListAsync(IPlaybookStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListPlaybooksAsync(cancellationToken)).Select(PlaybookDto.From).ToList());

    private static async Task<Results<Ok<PlaybookDto>, ProblemHttpResult>> GetAsync(long id, IPlaybookStore store, CancellationToken cancellationToken) =>
        await store.GetPlaybookAsync(id, cancellationToken) is { } playbook
            ? TypedResults.Ok(PlaybookDto.From(playbook))
            : TypedResults.Problem($"There is no playbook with id {id}.", statusCode: 404);

    private static async Task<Results<Created<PlaybookDto>, ProblemHttpResult>> CreateAsync(PlaybookInput input, PlaybookService service, CancellationToken cancellationToken)
    {
        var outcome = await service.SaveAsync(0, input, cancellationToken);
        return outcome.Playbook is { } saved
            ? TypedResults.Created($"/api/v1/playbooks/{saved.Id}", PlaybookDto.From(saved))
            : Refused(outcome);
    }

    private static async Task<Results<Ok<PlaybookDto>, ProblemHttpResult>> UpdateAsync(long id, PlaybookInput input, PlaybookService service, CancellationToken cancellationToken)
    {
        var outcome = await service.SaveAsync(id, input, cancellationToken);
        return outcome.Playbook is { } saved ? TypedResults.Ok(PlaybookDto.From(saved)) : Refused(outcome);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, IPlaybookStore store, CancellationToken cancellationToken) =>
        await store.DeletePlaybookAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"There is no playbook with id {id}.", statusCode: 404);

    private static async Task<Results<Ok<PlaybookDto>, ProblemHttpResult>> SetEnabledAsync(long id, bool enabled, PlaybookService service, CancellationToken cancellationToken) =>
        await service.SetEnabledAsync(id, enabled, cancellationToken) is { } playbook
            ? TypedResults.Ok(PlaybookDto.From(playbook))
            : TypedResults.Problem($"There is no playbook with id {id}.", statusCode: 404);

    private static async Task<Results<Ok<List<DryRunRecipient>>, ProblemHttpResult>> DryRunAsync(
        long id, IPlaybookStore store, PlaybookService service, CancellationToken cancellationToken, int limit = 100)
    {
        if (await store.GetPlaybookAsync(id, cancellationToken) is not { } playbook)
            return TypedResults.Problem($"There is no playbook with id {id}.", statusCode: 404);
        return TypedResults.Ok((await service.DryRunAsync(playbook, Math.Clamp(limit, 1, 1000), cancellationToken)).ToList());
    }

    private static async Task<Results<Ok<List<PlaybookRunDto>>, ProblemHttpResult>> AuditAsync(
        long id, IPlaybookStore store, CancellationToken cancellationToken, int limit = 200)
    {
        if (await store.GetPlaybookAsync(id, cancellationToken) is null)
            return TypedResults.Problem($"There is no playbook with id {id}.", statusCode: 404);
        return TypedResults.Ok((await store.ListPlaybookRunsAsync(id, Math.Clamp(limit, 1, 1000), cancellationToken)).Select(PlaybookRunDto.From).ToList());
    }

    private static ProblemHttpResult Refused(PlaybookSaveOutcome outcome) => outcome.NotFound
        ? TypedResults.Problem("There is no such playbook.", statusCode: 404)
        : TypedResults.Problem(
            string.Join(" ", outcome.Problems.Select(p => p.Message)), statusCode: 400, title: $"Bad field: {outcome.Problems[0].Field}",
            extensions: new Dictionary<string, object?> { ["errors"] = outcome.Problems.Select(p => new Dictionary<string, string> { ["field"] = p.Field, ["message"] = p.Message }).ToList() });
}
