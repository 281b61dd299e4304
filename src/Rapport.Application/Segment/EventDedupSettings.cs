using System.Globalization;
using Rapport.Hub.Sync;

namespace Rapport.Application.Segment;

/// <summary>
/// Cross-source event de-duplication: Segment usually sends product events to Intercom too, so both deliver each one.
/// On, an event from one source with a twin from the other — same user, same name, within
/// <see cref="Window"/> — is counted once. Off by default: the Events page warns about names both sources deliver.
/// </summary>
public sealed record EventDedupSettings(bool On, TimeSpan Window)
{
    private const string Key = "events.dedup.window_seconds";

    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(60);

    /// <summary>Windows longer than a day would fold genuinely repeated events.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    public static async Task<EventDedupSettings> LoadAsync(ISyncStateStore store, CancellationToken cancellationToken = default) =>
        await store.GetSyncStateAsync(Key, cancellationToken) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var seconds)
            ? new EventDedupSettings(true, TimeSpan.FromSeconds(seconds))
            : new EventDedupSettings(false, DefaultWindow);

    public Task SaveAsync(ISyncStateStore store, CancellationToken cancellationToken = default) =>
        store.SetSyncStateAsync(Key, On ? ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture) : null, cancellationToken);

    /// <summary>Null when valid, else what is wrong.</summary>
    public static string? Validate(int? windowSeconds) =>
        windowSeconds is null or < 0 || TimeSpan.FromSeconds(windowSeconds.Value) > MaxWindow
            ? $"The window must be between 0 and {(int)MaxWindow.TotalSeconds} seconds."
            : null;
}
