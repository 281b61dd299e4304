using System.Text.Json.Nodes;
using Rapport.Hub.Events;
using Rapport.Hub.Segment;
using Rapport.Hub.Sources;
using Rapport.Hub.Model;

namespace Rapport.Application.Segment;

/// <summary>
/// Applies stored Segment calls in arrival order: <c>group</c> → the account with the groupId as external id (traits
/// kept on its Segment source record), <c>identify</c> → the user with the userId as external id, a group call with a
/// userId → membership, <c>track</c>/<c>page</c> → an event on the user. The same external ids as Intercom's company_id
/// and user_id land on the same records. Calls with only an anonymousId wait aside until an identify links it.
/// </summary>
public sealed partial class SegmentApplier(IModelStore modelStore, ISegmentStore segmentStore, ISourceStore sourceStore, TimeProvider timeProvider)
{
    private const string RunId = "segment";
    private const int EventsPerTransaction = 100;

    /// <returns>One outcome per call, in order.</returns>
    public async Task<IReadOnlyList<string>> ApplyAsync(IReadOnlyList<PendingSegmentMessage> messages, CancellationToken cancellationToken = default)
    {
        var outcomes = new string[messages.Count];
        var events = new List<(int Index, SourceEvent Event, string? Account)>();
        var parsed = new JsonObject[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            var message = parsed[i] = JsonNode.Parse(messages[i].Body)!.AsObject();
            var type = (string)message["type"]!;
            var userId = SegmentMessages.Text(message, "userId");
            if (type is "track" or "page" && userId is not null)
            {
                events.Add((i, ToEvent(message, userId, messages[i].ReceivedAt), ContextGroupId(message)));
                continue;
            }

            // Events wait for the calls before them: an identify or group may be what makes their user known.
            await FlushAsync(events, outcomes, cancellationToken);
            outcomes[i] = await ApplyOneAsync(message, type, userId, messages[i].ReceivedAt, cancellationToken);
        }

        await FlushAsync(events, outcomes, cancellationToken);
        await RecomputeTouchedAsync(parsed, cancellationToken);
        return outcomes;
    }

    private async Task<string> ApplyOneAsync(JsonObject message, string type, string? userId, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (userId is null && type != "group")
        {
            await segmentStore.KeepAnonymousAsync(SegmentMessages.Text(message, "anonymousId")!, message.ToJsonString(), cancellationToken);
            return "kept aside (anonymous)";
        }

        switch (type)
        {
            case "group":
                await ApplyGroupAsync(message, userId, receivedAt, cancellationToken);
                return userId is null ? "account" : "account and membership";
            case "identify":
                await ApplyIdentifyAsync(message, userId!, receivedAt, cancellationToken);
                return "user";
            default:
                var outcome = await segmentStore.RecordAccountEventsAsync([(ToEvent(message, userId!, receivedAt), ContextGroupId(message))], cancellationToken);
                return Describe(outcome[0]);
        }
    }

    private async Task FlushAsync(List<(int Index, SourceEvent Event, string? Account)> events, string[] outcomes, CancellationToken cancellationToken)
    {
        // Short transactions: on SQLite each one holds the only write lock, and an ingest append waits for it to end.
        foreach (var chunk in events.Chunk(EventsPerTransaction))
        {
            var recorded = await segmentStore.RecordAccountEventsAsync([.. chunk.Select(e => (e.Event, e.Account))], cancellationToken);
            for (var j = 0; j < chunk.Length; j++)
                outcomes[chunk[j].Index] = Describe(recorded[j]);
        }

        events.Clear();
    }

    private static string Describe(EventOutcome outcome) => outcome switch
    {
        EventOutcome.Stored => "event stored",
        EventOutcome.Duplicate => "duplicate event (same messageId)",
        EventOutcome.Ignored => "event name ignored",
        _ => "no hub user with this userId (a user joins the hub once a group call places them in an account)",
    };

    private SourceEvent ToEvent(JsonObject message, string userId, DateTimeOffset receivedAt)
    {
        var page = (string)message["type"]! == "page";
        var properties = message["properties"] as JsonObject ?? [];
        if (page && SegmentMessages.Text(message, "name") is { } pageName)
            properties["name"] ??= pageName;
        // The messageId is Segment's de-duplication key: a retried call with the same one is stored once.
        return new SourceEvent(
            SegmentSource.Name, SegmentMessages.Text(message, "messageId"), userId, null,
            page ? SegmentSource.PageEventName : SegmentMessages.Text(message, "event")!,
            Time(message, "timestamp") ?? receivedAt, properties.ToJsonString());
    }

    private static string? ContextGroupId(JsonObject message) =>
        message["context"] is JsonObject context ? SegmentMessages.Text(context, "groupId") : null;

    private static DateTimeOffset? Time(JsonObject message, string name) =>
        SegmentMessages.Text(message, name) is { } text
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at : null;
}
