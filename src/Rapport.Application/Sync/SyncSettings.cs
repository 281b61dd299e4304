using Rapport.Application.Conversations;
using Rapport.Application.Events;
using Rapport.Application.Push;
using Rapport.Application.Segment;
using Rapport.Application.Settings;
using Rapport.Hub.Sync;

namespace Rapport.Application.Sync;

/// <summary>
/// The settings and small records the hub keeps in its sync state, as the pages and endpoints that show or change them
/// read them: they ask for the settings they need rather than reach into the sync state by key.
/// </summary>
public sealed class SyncSettings(ISyncStateStore store)
{
    private readonly ISyncStateStore _store = store;

    public Task<IntercomIntegrationSettings> IntercomAsync(CancellationToken cancellationToken = default) =>
        IntercomIntegrationSettings.LoadAsync(_store, cancellationToken);

    public Task SaveIntercomAsync(IntercomIntegrationSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SaveAsync(_store, cancellationToken);
    }

    public Task<PushSettings> PushAsync(CancellationToken cancellationToken = default) => PushSettings.LoadAsync(_store, cancellationToken);

    public Task SavePushAsync(PushSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SaveAsync(_store, cancellationToken);
    }

    /// <summary>The report of the last push onto Intercom, or null before the first.</summary>
    public Task<PushReport?> LastPushAsync(CancellationToken cancellationToken = default) => IntercomPush.LastRunAsync(_store, cancellationToken);

    public Task<EventDedupSettings> EventDedupAsync(CancellationToken cancellationToken = default) =>
        EventDedupSettings.LoadAsync(_store, cancellationToken);

    public Task SaveEventDedupAsync(EventDedupSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SaveAsync(_store, cancellationToken);
    }

    /// <summary>When the import of event data was last turned on, or null while it is off.</summary>
    public Task<DateTimeOffset?> EventImportEnabledAtAsync(CancellationToken cancellationToken = default) =>
        EventImport.EnabledAtAsync(_store, cancellationToken);

    /// <summary>Emails more than one user shares, which the conversation import could not attach by.</summary>
    public Task<IReadOnlyList<string>> AmbiguousEmailsAsync(CancellationToken cancellationToken = default) =>
        AmbiguousEmails.ReadAsync(_store, cancellationToken);
}
