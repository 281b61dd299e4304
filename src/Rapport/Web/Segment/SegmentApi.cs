using Rapport.Application.Sources;
using Rapport.Application.Sync;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Hub.Duplicates;
using Rapport.Hub.Sources;
using Rapport.Application.Segment;
using Rapport.Web.Auth;
using Rapport.Web.Integration;
using Rapport.Hub.Segment;

namespace Rapport.Web.Segment;

/// <summary>
/// <c>/api/v1/integrations/segment</c> (write key, inbox counts, rotation, event de-duplication) and
/// <c>/api/v1/duplicates</c>, <c>/api/v1/merges</c> (the duplicate report, merge and undo), <c>/api/v1/sources/precedence</c>
/// (which source each unified field comes from). Admins and Leaders only.
/// </summary>
internal static class SegmentApi
{
    public static void MapSegmentApi(this RouteGroupBuilder api)
    {
        var segment = api.MapGroup("/integrations/segment").WithTags("Segment integration").RequireAuthorization(TeamClaims.SettingsPolicy);
        segment.MapGet("/", StatusAsync).WithSummary("The write key, the ingest URL path, calls received, applied, pending, set aside (failed), discarded and kept aside (anonymous), and event de-duplication");
        segment.MapPost("/rotate", RotateAsync).WithSummary("Replace the write key: the old one is refused (401) from now on");
        segment.MapPut("/dedup", SetDedupAsync).WithSummary("Cross-source event de-duplication: on with a window in seconds, or off");
        segment.MapSegmentSetAsideApi();

        var quality = api.MapGroup("/").WithTags("Data quality").RequireAuthorization(TeamClaims.SettingsPolicy);
        quality.MapGet("/duplicates", DuplicatesAsync)
            .WithSummary("Records that are probably one entity under different ids: users with one email, accounts with one website domain or name, an Intercom company whose company_id matches no Segment group while a group has its name");
        quality.MapGet("/sources/precedence", PrecedenceAsync).WithSummary("Per unified field (name, plan, monthly_spend, website, industry, size), the sources in order: the first with a value wins");
        quality.MapPut("/sources/precedence", SetPrecedenceAsync)
            .WithSummary("Set the source order of some unified fields, e.g. {\"name\": [\"segment\", \"intercom\"]}; account names follow at once");
        quality.MapGet("/merges", MergesAsync).WithSummary("Merges, newest first, with who made and undid them");
        quality.MapPost("/merges", MergeAsync).WithSummary("Merge one record into another: source links, memberships, events, conversations and traits move to the kept record");
        quality.MapPost("/merges/{id:long}/undo", UndoAsync).WithSummary("Undo a merge: everything it moved goes back exactly");
    }

    private static async Task<Ok<SegmentStatusDto>> StatusAsync(ISegmentStore segmentStore, SyncSettings settings, SegmentWriteKey key, CancellationToken cancellationToken)
    {
        var counts = await segmentStore.CountSegmentInboxAsync(cancellationToken);
        var dedup = await settings.EventDedupAsync(cancellationToken);
        return TypedResults.Ok(new SegmentStatusDto(
            await key.GetAsync(cancellationToken), "/v1/batch", counts.Received, counts.Applied, counts.Pending, counts.KeptAside,
            counts.LastReceivedAt, new DedupDto(dedup.On, (int)dedup.Window.TotalSeconds), counts.SetAside, counts.Discarded));
    }

    private static async Task<Ok<WriteKeyDto>> RotateAsync(SegmentWriteKey key, Audit.IAuditLog audit, CancellationToken cancellationToken)
    {
        var rotated = await key.RotateAsync(cancellationToken);
        await audit.RecordAsync(Audit.AuditActions.SegmentKeyRotated);
        return TypedResults.Ok(new WriteKeyDto(rotated));
    }

    private static async Task<Results<Ok<DedupDto>, ProblemHttpResult>> SetDedupAsync(DedupDto request, SyncSettings settings, CancellationToken cancellationToken)
    {
        if (request.On && EventDedupSettings.Validate(request.WindowSeconds) is { } problem)
            return TypedResults.Problem(problem, statusCode: 400, title: "Bad window");
        var dedup = new EventDedupSettings(request.On, TimeSpan.FromSeconds(request.On ? request.WindowSeconds : EventDedupSettings.DefaultWindow.TotalSeconds));
        await settings.SaveEventDedupAsync(dedup, cancellationToken);
        return TypedResults.Ok(new DedupDto(dedup.On, (int)dedup.Window.TotalSeconds));
    }

    private static async Task<Ok<Dictionary<string, IReadOnlyList<string>>>> PrecedenceAsync(SourcePrecedences precedences, CancellationToken cancellationToken) =>
        TypedResults.Ok(Orders(await precedences.GetAsync(cancellationToken)));

    private static async Task<Results<Ok<Dictionary<string, IReadOnlyList<string>>>, ProblemHttpResult>> SetPrecedenceAsync(
        Dictionary<string, IReadOnlyList<string>>? request, SourcePrecedences precedences, CancellationToken cancellationToken)
    {
        if (SourcePrecedence.Validate(request) is { } problem)
            return TypedResults.Problem(problem, statusCode: 400, title: "Bad precedence");
        var current = await precedences.GetAsync(cancellationToken);
        var updated = new SourcePrecedence(SourcePrecedence.UnifiedFields.ToDictionary(
            f => f, f => request!.TryGetValue(f, out var order) ? order : current.Order(f)));
        await precedences.SetAsync(updated, cancellationToken);
        return TypedResults.Ok(Orders(updated));
    }

    private static Dictionary<string, IReadOnlyList<string>> Orders(SourcePrecedence precedence) =>
        SourcePrecedence.UnifiedFields.ToDictionary(f => f, precedence.Order);

    private static async Task<Ok<DuplicateCandidate[]>> DuplicatesAsync(IDuplicateStore duplicateStore, CancellationToken cancellationToken) =>
        TypedResults.Ok((await duplicateStore.FindDuplicatesAsync(cancellationToken)).ToArray());

    private static async Task<Ok<MergeRecord[]>> MergesAsync(IDuplicateStore duplicateStore, CancellationToken cancellationToken) =>
        TypedResults.Ok((await duplicateStore.ListMergesAsync(100, cancellationToken)).ToArray());

    private static async Task<Results<Ok<MergeRecord>, ProblemHttpResult>> MergeAsync(
        MergeRequest request, ClaimsPrincipal user, IDuplicateStore duplicateStore, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<RecordKind>(request.Kind, ignoreCase: true, out var kind))
            return TypedResults.Problem($"'{request.Kind}' is not a kind: account or user.", statusCode: 400, title: "Bad kind");
        return await duplicateStore.MergeAsync(kind, request.KeepId, request.MergeId, request.Evidence ?? "merged by hand", user.Describe(), cancellationToken) is { } merged
            ? TypedResults.Ok(merged)
            : TypedResults.Problem(
                $"Cannot merge {kind.ToString().ToLowerInvariant()} {request.MergeId} into {request.KeepId}: both must exist, differ, and not be merged already.",
                statusCode: 409, title: "Merge refused");
    }

    private static async Task<Results<Ok<MergeRecord>, ProblemHttpResult>> UndoAsync(
        long id, ClaimsPrincipal user, IDuplicateStore duplicateStore, CancellationToken cancellationToken) =>
        await duplicateStore.UndoMergeAsync(id, user.Describe(), cancellationToken) is { } undone
            ? TypedResults.Ok(undone)
            : TypedResults.Problem($"Merge {id} does not exist or was undone already.", statusCode: 409, title: "Nothing to undo");
}

/// <param name="SetAside">Calls that failed every attempt, listed at <c>/api/v1/integrations/segment/set-aside</c>.</param>
internal sealed record SegmentStatusDto(
    string WriteKey, string IngestPath, long Received, long Applied, long Pending, long KeptAside, DateTimeOffset? LastReceivedAt, DedupDto Dedup,
    long SetAside, long Discarded);

internal sealed record WriteKeyDto(string WriteKey);

/// <param name="WindowSeconds">How far apart two sources' copies of one event may be and still count once.</param>
internal sealed record DedupDto(bool On, int WindowSeconds);

/// <param name="Kind">account or user.</param>
internal sealed record MergeRequest(string Kind, long KeepId, long MergeId, string? Evidence);
