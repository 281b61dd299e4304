using Rapport.IntercomSimulator.Events;

namespace Rapport.IntercomSimulator;

/// <summary>Data events per contact. Intercom de-duplicates on contact + event name + <c>created_at</c> (Intercom's API
/// reference, "Submit a data event").</summary>
public sealed partial class SimulatorWorkspace
{
    private readonly Dictionary<string, List<SimulatedDataEvent>> _eventsByContact = new(StringComparer.Ordinal);

    /// <summary>Records an event; false (and no notification) when it duplicates one already recorded.</summary>
    public bool TrackEvent(string contactId, string eventName, DateTimeOffset createdAt, IReadOnlyDictionary<string, string>? metadata = null)
    {
        lock (Sync)
        {
            var contact = GetContact(contactId);
            var events = EventListUnlocked(contact.Id);
            var seconds = createdAt.ToUnixTimeSeconds();
            if (events.Exists(e => e.EventName == eventName && e.CreatedAt.ToUnixTimeSeconds() == seconds)) { return false; }
            using var batch = BeginChanges();
            events.Add(new SimulatedDataEvent(eventName, DateTimeOffset.FromUnixTimeSeconds(seconds), contact.Id, metadata ?? new Dictionary<string, string>()));
            Record(WorkspaceChangeKind.EventCreated, contact.Id, (events.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return true;
        }
    }

    /// <summary>Every event of the contact ever recorded, in recording order (GET /events lists only the last 90 days).</summary>
    public IReadOnlyList<SimulatedDataEvent> EventsOf(string contactId)
    {
        lock (Sync) { return [.. _eventsByContact.GetValueOrDefault(contactId) ?? []]; }
    }

    internal List<SimulatedDataEvent> EventListUnlocked(string contactId)
    {
        if (!_eventsByContact.TryGetValue(contactId, out var events)) { _eventsByContact[contactId] = events = []; }
        return events;
    }
}
