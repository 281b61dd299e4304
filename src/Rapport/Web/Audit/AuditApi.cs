using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Hub.Audit;
using Rapport.Web.Auth;

namespace Rapport.Web.Audit;

/// <summary><c>/api/v1/audit</c>: the audit log, newest first, in pages (Admins only).</summary>
internal static class AuditApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static void MapAuditApi(this RouteGroupBuilder api) =>
        api.MapGet("/audit", ListAsync).WithTags("Audit log").RequireAuthorization(TeamClaims.AdminPolicy)
            .WithSummary("Who did what, newest first (Admins): sign-ins (with the email tried when they fail), sign-outs, lockouts, teammates and roles, API tokens and settings changes, each with its time, actor and client address. limit ≤ 200; follow next for older entries");

    private static async Task<Results<Ok<AuditPageDto>, ProblemHttpResult>> ListAsync(
        IAuditStore store, CancellationToken cancellationToken, int limit = DefaultLimit, string? cursor = null)
    {
        if (limit is < 1 or > MaxLimit)
            return TypedResults.Problem($"limit must be between 1 and {MaxLimit}.", statusCode: 400, title: "Bad parameter: limit");
        long? before = null;
        if (cursor is not null)
        {
            if (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                return TypedResults.Problem($"'{cursor}' is not a cursor of the audit log: use the nextCursor of a page.", statusCode: 400, title: "Bad parameter: cursor");
            before = id;
        }

        var page = await PageAsync(store, before, limit, cancellationToken);
        var next = page.Older is { } older ? older.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new AuditPageDto(
            [.. page.Entries.Select(AuditEntryDto.From)], next is null ? null : $"/api/v1/audit?limit={limit}&cursor={next}", next));
    }

    /// <summary>One page and whether older entries follow (one more is read to know), for the API and the page alike.</summary>
    public static async Task<(IReadOnlyList<AuditEntry> Entries, long? Older)> PageAsync(IAuditStore store, long? before, int limit, CancellationToken cancellationToken)
    {
        var entries = await store.ListAuditEntriesAsync(before, limit + 1, cancellationToken);
        return entries.Count > limit ? ([.. entries.Take(limit)], entries[limit - 1].Id) : (entries, null);
    }
}

/// <param name="Next">The URL of the next (older) page, null on the last.</param>
/// <param name="NextCursor">The cursor inside <paramref name="Next"/>.</param>
internal sealed record AuditPageDto(AuditEntryDto[] Items, string? Next, string? NextCursor);

/// <param name="Description">How the audit page says the action: "Role changed".</param>
/// <param name="Actor">Who did it, as they were then; null for an anonymous visitor (a failed sign-in) or Rapport itself.</param>
internal sealed record AuditEntryDto(
    long Id, DateTimeOffset At, string Action, string Description, AuditActorDto? Actor, string? Address, string? Subject, string? Detail)
{
    public static AuditEntryDto From(AuditEntry e) => new(
        e.Id, e.At, e.Action, AuditActions.Describe(e.Action), e.Actor is { } a ? new AuditActorDto(a.Id, a.Name, a.Email) : null, e.Address, e.Subject, e.Detail);
}

internal sealed record AuditActorDto(long? Id, string Name, string? Email);
