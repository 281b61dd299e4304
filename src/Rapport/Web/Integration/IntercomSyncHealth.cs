using Rapport.Application.Webhooks;
using Rapport.Hub.Webhooks;
using Rapport.Application.Import;
using Rapport.Application.Reconcile;
using Rapport.Hub.Sync;

namespace Rapport.Web.Integration;

/// <summary>What the sync status card shows, read in one place for the pages and the REST API.</summary>
internal sealed class IntercomSyncHealth(WebhookInboxStatus inbox, ISyncStateStore syncState, IntercomConnections connections, IntercomSyncJob job, TimeProvider timeProvider)
{
    public async Task<SyncHealth> ReadAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var last = await ReconciliationSweep.LoadLastAsync(syncState, cancellationToken);
        return new SyncHealth(
            now,
            await connections.CurrentAsync(cancellationToken) is not null,
            await inbox.CountAsync(cancellationToken),
            await inbox.MeasureLagAsync(now.AddHours(-1), cancellationToken),
            last,
            await ReconciliationSweep.LoadTotalsAsync(syncState, cancellationToken),
            job.NextSweepAt(last),
            job.SweepInterval,
            job.Status);
    }
}

/// <param name="NextSweepAt">Null when the sweep runs only on demand.</param>
/// <param name="Job">The running or last job of this process: a sync or a sweep.</param>
internal sealed record SyncHealth(
    DateTimeOffset CheckedAt,
    bool Connected,
    InboxCounts Inbox,
    InboxLag Lag,
    SweepResult? LastSweep,
    SweepTotals Totals,
    DateTimeOffset? NextSweepAt,
    TimeSpan SweepInterval,
    SyncStatus Job)
{
    public TimeSpan OldestPendingAge => Lag.WaitingFor(CheckedAt);

    public bool Sweeping => Job is { State: SyncStatus.Running, Kind: SyncStatus.SweepKind };

    /// <summary>The card refreshes itself while there is something to watch: notifications waiting, or a job running.</summary>
    public bool Live => Inbox.Waiting > 0 || Job.State == SyncStatus.Running;

    /// <summary>"3.2 s", "4 min 10 s", "2 h 5 min": lags and ages at a glance.</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalSeconds: < 10 } => $"{span.TotalSeconds:0.0} s",
        { TotalMinutes: < 1 } => $"{span.TotalSeconds:0} s",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min {span.Seconds} s",
        { TotalDays: < 1 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        _ => $"{(int)span.TotalDays} d {span.Hours} h",
    };
}
