using Microsoft.Extensions.Logging;
using Rapport.Application.Reconcile;

namespace Rapport.Application.Import;

public sealed partial class IntercomSyncJob
{
    public const string TimerTrigger = "timer";

    private readonly DateTimeOffset _createdAt = timeProvider.GetUtcNow();
    private Task _timer = Task.CompletedTask;

    /// <summary>How often the sweep runs by itself; zero or less: only on demand.</summary>
    public TimeSpan SweepInterval => options.Value.SweepInterval;

    /// <summary>
    /// When the timer starts the next sweep: an interval after the last one started (read from the hub, so a restarted
    /// process, or another node on the same database, keeps the schedule), or after this process started when none has
    /// run. Null when the timer is off. A time in the past means due: it starts as soon as no sync is running.
    /// </summary>
    public async Task<DateTimeOffset?> NextSweepAtAsync(CancellationToken cancellationToken) =>
        SweepInterval <= TimeSpan.Zero ? null : NextSweepAt(await ReconciliationSweep.LoadLastAsync(store, cancellationToken));

    /// <summary><see cref="NextSweepAtAsync"/> from a last sweep already read.</summary>
    public DateTimeOffset? NextSweepAt(SweepResult? last) =>
        SweepInterval <= TimeSpan.Zero ? null : (last?.StartedAt ?? _createdAt) + SweepInterval;

    private async Task SweepOnTimerAsync(CancellationToken cancellationToken)
    {
        if (SweepInterval <= TimeSpan.Zero)
            return;
        // A due sweep that could not start (a sync running, Intercom not connected) is tried again this much later.
        var retry = SweepInterval < TimeSpan.FromMinutes(1) ? SweepInterval : TimeSpan.FromMinutes(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var wait = (await NextSweepAtAsync(cancellationToken))!.Value - timeProvider.GetUtcNow();
                if (wait <= TimeSpan.Zero)
                {
                    if (await connections.WorkspaceAsync(cancellationToken) is not null)
                        await StartSweepAsync(TimerTrigger, cancellationToken);
                    wait = retry;
                }

                // Re-reads the schedule at least every retry: a sweep started on demand (or by another node) moves it.
                await Task.Delay(wait < retry ? wait : retry, timeProvider, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogTimerFailed(logger, error);
                await Task.Delay(retry, timeProvider, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Starting the reconciliation sweep on its timer failed; trying again shortly.")]
    private static partial void LogTimerFailed(ILogger logger, Exception error);
}
