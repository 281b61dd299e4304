using Rapport.Application.Background;
using Microsoft.Extensions.Hosting;
using Rapport.Hub.Events;
using Rapport.Hub.Sync;
using Microsoft.Extensions.Logging;

namespace Rapport.Application.Segment;

/// <summary>
/// Applies the Segment inbox in arrival order, within moments of each commit, and — with cross-source de-duplication
/// on — folds events that Intercom and Segment both delivered (whichever arrived second). A call that keeps failing is
/// set aside by <see cref="SegmentInboxDrain"/> rather than retried forever ahead of everything after it.
/// </summary>
public sealed class SegmentInboxWorker(
    ISyncStateStore syncState, IEventStore eventStore, SegmentInboxAppender appender, SegmentInboxDrain drain, TimeProvider timeProvider,
    ILogger<SegmentInboxWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Held for as long as this node runs: another node on the same hub accepts calls into the shared inbox and leaves
        // applying them to the holder (its next poll, within a second), taking over only when the holder is gone.
        IJobHold? hold = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
                hold = await ApplyAsync(hold, stoppingToken);
        }
        finally
        {
            if (hold is not null)
                await hold.DisposeAsync();
        }
    }

    /// <summary>Its passes, each ending before the worker waits for the next call or retry.</summary>
    public WorkerPasses Passes { get; } = new();

    /// <summary>One pass over the inbox if this node holds it (or can take it now); returns the hold, or null without it.</summary>
    private async Task<IJobHold?> ApplyAsync(IJobHold? hold, CancellationToken stoppingToken)
    {
        using var passing = Passes.Begin();
        try
        {
            if (hold is not null && !await hold.IsHeldAsync(stoppingToken))
            {
                // Lost with its database session: another node may be applying now; take it again only when free.
                logger.LogWarning("This node lost its hold on the Segment inbox (the database session ended); taking it again when free.");
                await hold.DisposeAsync();
                hold = null;
            }

            if ((hold ??= await syncState.TryHoldJobAsync(HubJob.SegmentInbox, stoppingToken)) is null)
            {
                passing.End();
                await Task.Delay(Poll, timeProvider, stoppingToken);
                return null;
            }

            var pass = await drain.ApplyNextAsync(stoppingToken);
            if (pass.SetAside > 0)
                logger.LogWarning("{Count} Segment call(s) failed {Attempts} times and were set aside (Settings → Integrations → Segment).", pass.SetAside, drain.MaxAttempts);

            if (await EventDedupSettings.LoadAsync(syncState, stoppingToken) is { On: true } dedup)
                await eventStore.FoldCrossSourceEventsAsync(dedup.Window, stoppingToken);
            passing.End();
            // A full window of calls all waiting behind failing ones would otherwise be re-read without pause.
            if (pass.Read < drain.BatchSize || pass.Tried == 0)
                await appender.Signal.WaitAsync(Wait(pass.NextRetryAt), timeProvider, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            // The database itself failed (a call's own failure is counted by the drain): nothing is lost, try again shortly.
            passing.End();
            logger.LogError(error, "Applying the Segment inbox failed; retrying shortly.");
            await Task.Delay(Poll, timeProvider, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return hold;
    }

    private TimeSpan Wait(DateTimeOffset? nextRetryAt) =>
        nextRetryAt is { } at && at - timeProvider.GetUtcNow() is var until && until < Poll
            ? until > TimeSpan.Zero ? until : TimeSpan.Zero
            : Poll;
}
