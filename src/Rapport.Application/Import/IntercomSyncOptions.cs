namespace Rapport.Application.Import;

/// <summary>How the background sync and reconciliation sweep run.</summary>
public sealed class IntercomSyncOptions
{
    /// <summary>How often the reconciliation sweep runs by itself (default 15 minutes); zero: only on demand.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long "Sync now" and the sweep wait out Intercom's failures on one request before stopping.</summary>
    public TimeSpan ImportPatience { get; set; } = ImportOptions.DefaultPatience;
}
