using Rapport.Application.Events;
using Rapport.Application.Conversations;
using Rapport.Application.Accounts;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Hub.Events;
using Rapport.Web.Auth;
using Rapport.Web.Integration;
using Rapport.Hub.Accounts;
using Rapport.Hub.Conversations;
using Rapport.Hub.Users;

namespace Rapport.Web.Events;

/// <summary>
/// <c>/api/v1/events</c>: the event names of every source, one list, with their status (any teammate reads; Admins and
/// Leaders change a status or purge), a user's events, and an account's timeline.
/// </summary>
internal static class EventsApi
{
    public static void MapEventsApi(this RouteGroupBuilder api)
    {
        var names = api.MapGroup("/events/names").WithTags("Events");
        names.MapGet("/", ListNamesAsync).WithSummary("Every event name, from every source (Intercom, Segment): the sources it came from, status (tracked or ignored), first and last seen, stored, held, dropped and unmatched counts");
        names.MapGet("/{name}", GetNameAsync).WithSummary("One event name (escape a '/' in it as %2F)");
        names.MapPut("/{name}/status", SetStatusAsync).RequireAuthorization(TeamClaims.SettingsPolicy)
            .WithSummary("Track or ignore an event name (Admins and Leaders): an ignored name's new events are dropped and only counted, whichever source sends them");
        names.MapPost("/{name}/purge", PurgeAsync).RequireAuthorization(TeamClaims.SettingsPolicy)
            .WithSummary("Delete every stored event of an ignored name (Admins and Leaders); the name and its counts stay");
        api.MapGet("/users/{id:long}/events", ListForUserAsync).WithTags("Events").WithSummary("A user's events, newest first");
        api.MapGet("/accounts/{id:long}/timeline", TimelineAsync).WithTags("Events")
            .WithSummary("An account's timeline: its users' events and their conversations, newest first, each with its link in Rapport");
    }

    private static async Task<Ok<EventNameDto[]>> ListNamesAsync(IEventStore eventStore, CancellationToken cancellationToken) =>
        TypedResults.Ok((await eventStore.ListEventNamesAsync(cancellationToken)).Select(EventNameDto.From).ToArray());

    private static async Task<Results<Ok<EventNameDto>, ProblemHttpResult>> GetNameAsync(string name, IEventStore eventStore, CancellationToken cancellationToken) =>
        await eventStore.FindEventNameAsync(Unescape(name), cancellationToken) is { } found
            ? TypedResults.Ok(EventNameDto.From(found))
            : Unknown(name);

    private static async Task<Results<Ok<EventNameDto>, ProblemHttpResult>> SetStatusAsync(
        string name, EventStatusRequest request, ClaimsPrincipal user, IEventStore eventStore, CancellationToken cancellationToken)
    {
        if (!EventStatuses.TryParse(request.Status, out var status))
            return TypedResults.Problem($"'{request.Status}' is not a status: tracked or ignored.", statusCode: 400, title: "Bad status");
        return await eventStore.SetEventStatusAsync(Unescape(name), status, user.Describe(), cancellationToken) is { } changed
            ? TypedResults.Ok(EventNameDto.From(changed))
            : Unknown(name);
    }

    private static async Task<Results<Ok<PurgeDto>, ProblemHttpResult>> PurgeAsync(string name, IEventStore eventStore, CancellationToken cancellationToken)
    {
        name = Unescape(name);
        if (await eventStore.FindEventNameAsync(name, cancellationToken) is not { } found)
            return Unknown(name);
        if (found.Status != EventStatus.Ignored)
            return TypedResults.Problem($"'{name}' is tracked: ignore it first, then purge its history.", statusCode: 409, title: "Only an ignored name can be purged");
        return await eventStore.PurgeEventsAsync(name, cancellationToken) is { } purged
            ? TypedResults.Ok(new PurgeDto(name, purged))
            : TypedResults.Problem($"'{name}' was tracked again meanwhile; nothing was purged.", statusCode: 409);
    }

    private static async Task<Results<Ok<EventDto[]>, ProblemHttpResult>> ListForUserAsync(
        long id, AccountDirectory accounts, IEventStore eventStore, CancellationToken cancellationToken, int limit = 50)
    {
        if (limit is < 1 or > 500)
            return TypedResults.Problem("limit must be between 1 and 500.", statusCode: 400, title: "Bad parameter: limit");
        if (await accounts.GetUserAsync(id, cancellationToken) is null)
            return TypedResults.Problem($"There is no user with id {id}.", statusCode: 404);
        return TypedResults.Ok((await eventStore.ListUserEventsAsync(new UserId(id), limit, cancellationToken)).Select(EventDto.From).ToArray());
    }

    private static async Task<Results<Ok<IReadOnlyList<TimelineItemDto>>, ProblemHttpResult>> TimelineAsync(
        long id, AccountDirectory accounts, ConversationHistory conversations, EventHistory events, CancellationToken cancellationToken, int limit = 50)
    {
        if (limit is < 1 or > 500)
            return TypedResults.Problem("limit must be between 1 and 500.", statusCode: 400, title: "Bad parameter: limit");
        if (await accounts.GetAccountAsync(id, userLimit: 0, cancellationToken) is not { } account)
            return TypedResults.Problem($"There is no account with id {id}.", statusCode: 404);
        return TypedResults.Ok(await AccountTimeline.ReadAsync(conversations, events, id, account.ExternalId, limit, cancellationToken));
    }

    private static ProblemHttpResult Unknown(string name) =>
        TypedResults.Problem($"No event named '{name}' has been seen.", statusCode: 404);

    // Routing leaves an escaped slash escaped, so a name holding one arrives as %2F.
    private static string Unescape(string name) => name.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
