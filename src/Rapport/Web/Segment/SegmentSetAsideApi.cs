using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Hub.Segment;
using Rapport.Application.Segment;

namespace Rapport.Web.Segment;

/// <summary>
/// <c>/api/v1/integrations/segment/set-aside</c>: the Segment calls that failed every attempt, with their error; put one
/// or all back in the inbox (in their original order) once the cause is fixed, or discard one.
/// </summary>
internal static class SegmentSetAsideApi
{
    private const int MaxListed = 500;

    public static void MapSegmentSetAsideApi(this RouteGroupBuilder segment)
    {
        segment.MapGet("/set-aside", ListAsync).WithSummary("Calls set aside after failing every attempt, oldest first, with their last error and attempt count");
        segment.MapPost("/set-aside/retry", RetryAllAsync).WithSummary("Put every set-aside call back in the inbox, each in its original place in arrival order");
        segment.MapPost("/set-aside/{id:long}/retry", RetryAsync).WithSummary("Put one set-aside call back in the inbox, in its original place in arrival order");
        segment.MapPost("/set-aside/{id:long}/discard", DiscardAsync).WithSummary("Give up on one set-aside call: it is kept as discarded and never applied");
    }

    private static async Task<Ok<SetAsideDto[]>> ListAsync(ISegmentStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListSetAsideSegmentMessagesAsync(MaxListed, cancellationToken)).Select(SetAsideDto.From).ToArray());

    private static async Task<Ok<RetriedDto>> RetryAllAsync(ISegmentStore store, SegmentInboxAppender appender, CancellationToken cancellationToken)
    {
        var retried = await store.RetrySetAsideSegmentMessagesAsync(null, cancellationToken);
        appender.Signal.Wake();
        return TypedResults.Ok(new RetriedDto(retried));
    }

    private static async Task<Results<Ok<RetriedDto>, ProblemHttpResult>> RetryAsync(
        long id, ISegmentStore store, SegmentInboxAppender appender, CancellationToken cancellationToken)
    {
        if (await store.RetrySetAsideSegmentMessagesAsync(id, cancellationToken) == 0)
            return NotSetAside(id);
        appender.Signal.Wake();
        return TypedResults.Ok(new RetriedDto(1));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DiscardAsync(long id, ISegmentStore store, CancellationToken cancellationToken) =>
        await store.DiscardSetAsideSegmentMessageAsync(id, cancellationToken) ? TypedResults.NoContent() : NotSetAside(id);

    private static ProblemHttpResult NotSetAside(long id) =>
        TypedResults.Problem($"Segment call {id} is not set aside (never was, retried, or discarded).", statusCode: 404, title: "Not set aside");
}

/// <param name="Call">The call as stored: its JSON with the batch's context merged in.</param>
/// <param name="Error">The last attempt's error.</param>
internal sealed record SetAsideDto(
    long Id, string MessageId, string Type, DateTimeOffset ReceivedAt, int Attempts, string Error, DateTimeOffset SetAsideAt, JsonElement Call)
{
    public static SetAsideDto From(SetAsideSegmentMessage m) =>
        new(m.Id, m.MessageId, m.Type, m.ReceivedAt, m.Attempts, m.Error, m.SetAsideAt, Parse(m.Body));

    private static JsonElement Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}

/// <param name="Retried">How many calls went back in the inbox.</param>
internal sealed record RetriedDto(int Retried);
