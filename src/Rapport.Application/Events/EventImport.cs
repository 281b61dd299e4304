using System.Globalization;
using Rapport.Application.Settings;
using Rapport.Hub.Sync;

namespace Rapport.Application.Events;

/// <summary>
/// When event import started. Events are imported from the moment event import is enabled going forward, never
/// backfilled: the moment "Import event data" (with Import users and companies) turns on is kept under
/// <see cref="EnabledKey"/>, events created before it are not imported, and turning the option off forgets it, so
/// turning it on again starts afresh.
/// </summary>
public static class EventImport
{
    public const string EnabledKey = "intercom.events.enabled_at";

    /// <summary>Events need Import users and companies: without imported users there is nobody to attach them to.</summary>
    public static bool IsOn(IntercomIntegrationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.ImportUsersAndCompanies && settings.ImportEvents;
    }

    public static async Task<DateTimeOffset?> EnabledAtAsync(ISyncStateStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await store.GetSyncStateAsync(EnabledKey, cancellationToken).ConfigureAwait(false) is { Length: > 0 } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;
    }

    /// <summary>Call with the settings before and after a save: records <paramref name="now"/> when event import turns on, clears it when it turns off.</summary>
    public static async Task RecordAsync(
        ISyncStateStore store, IntercomIntegrationSettings before, IntercomIntegrationSettings after, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var enabledAt = await EnabledAtAsync(store, cancellationToken).ConfigureAwait(false);
        if (IsOn(after) && (!IsOn(before) || enabledAt is null))
            await StartAsync(store, now, cancellationToken).ConfigureAwait(false);
        else if (!IsOn(after) && enabledAt is not null)
            await store.SetSyncStateAsync(EnabledKey, null, cancellationToken).ConfigureAwait(false);
    }

    public static Task StartAsync(ISyncStateStore store, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.SetSyncStateAsync(EnabledKey, now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), cancellationToken);
    }
}
