using System.Text.Json;
using Rapport.Hub.Events;
using Rapport.Intercom;
using Rapport.Intercom.Webhooks;
using Rapport.Application.Events;
using Rapport.Hub.Conversations;
using Rapport.Hub.Messaging;
using Rapport.Hub.Model;
using Rapport.Hub.Sources;
using Rapport.Hub.Sync;
using Rapport.Hub.Webhooks;

namespace Rapport.Application.Webhooks;

public sealed partial class IntercomWebhookApplier
{
    private const string EventPending = "event pending";

    /// <summary>Events checked by <see cref="ApplyEventAsync"/>, stored together by <see cref="StoreEventsAsync"/>.</summary>
    private readonly List<(long InboxId, SourceEvent Event)> _pendingEvents = [];

    /// <summary>When event import was enabled, read once per batch (cleared with the batch).</summary>
    private DateTimeOffset? _eventsEnabledAt;

    /// <summary>
    /// The <c>event.created</c> topic (the item is a <c>data_event</c>). Checks the rules — Import users and companies
    /// and Import event data on, created at or after event import was enabled, someone to attach it to — and sets the
    /// event aside: events are stored after the batch's users are derived, so an event of a user who signed up in the
    /// same batch finds them. Returns Wrote = false: an event does not change the mirror users derive from.
    /// </summary>
    private async Task<(string, bool)> ApplyEventAsync(
        long inboxId, IntercomNotification notification, WebhookApplyContext context, CancellationToken cancellationToken)
    {
        if (!context.Settings.ImportUsersAndCompanies)
            return ("import of users and companies is off: events have no users to attach to", false);
        if (!context.Settings.ImportEvents)
            return ("event import is off", false);
        var e = IntercomDataEvent.Parse(notification.Item);
        if (e.EventName.Length == 0 || e.CreatedAt is not { } createdAt)
            return ("not an event: no event_name or created_at", false);
        if (e.UserId is null && e.IntercomUserId is null)
            return ("no user_id or intercom_user_id to attach the event to", false);

        // Settings saved before the start moment was kept (an older hub): event import starts now.
        var enabledAt = _eventsEnabledAt ??= await EventImport.EnabledAtAsync(syncState, cancellationToken).ConfigureAwait(false);
        if (enabledAt is null)
        {
            enabledAt = _eventsEnabledAt = timeProvider.GetUtcNow();
            await EventImport.StartAsync(syncState, enabledAt.Value, cancellationToken).ConfigureAwait(false);
        }

        // created_at has whole seconds: an event of the very second import was enabled counts as after it.
        if (createdAt.ToUnixTimeSeconds() < enabledAt.Value.ToUnixTimeSeconds())
            return ("created before event import was enabled", false);

        var metadata = notification.Item.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m.GetRawText() : "{}";
        _pendingEvents.Add((inboxId, new SourceEvent(IntercomSource.Name, notification.AppId, e.UserId, e.IntercomUserId, e.EventName, createdAt, metadata)));
        return (EventPending, false);
    }

    /// <summary>Stores the batch's pending events in one write and puts each one's outcome on its inbox row.</summary>
    private async Task StoreEventsAsync(List<(long Id, string Outcome)> done, CancellationToken cancellationToken)
    {
        if (_pendingEvents.Count == 0)
            return;
        // The batch's own: ApplyBatchAsync clears them whatever happens, so a failed batch is checked again when reclaimed.
        var rows = done.Select((d, i) => (d.Id, Index: i)).ToDictionary(d => d.Id, d => d.Index);
        var outcomes = await eventStore.RecordEventsAsync([.. _pendingEvents.Select(p => p.Event)], cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < _pendingEvents.Count; i++)
            done[rows[_pendingEvents[i].InboxId]] = (_pendingEvents[i].InboxId, Describe(_pendingEvents[i].Event, outcomes[i]));
    }

    private static string Describe(SourceEvent e, EventOutcome outcome) => outcome switch
    {
        EventOutcome.Stored => "event stored",
        EventOutcome.Duplicate => "event already stored",
        EventOutcome.Ignored => $"event name '{e.Name}' is ignored: dropped",
        _ when e.UserExternalId is { } userId => $"no user in Rapport with user_id {userId}: event not stored",
        _ => $"no user in Rapport for Intercom contact {e.ContactSourceId}: event not stored",
    };
}
