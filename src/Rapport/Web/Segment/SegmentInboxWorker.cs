using Rapport.Hub.Storage;
using Rapport.Sync.Model;
using Rapport.Sync.Segment;

namespace Rapport.Web.Segment;

/// <summary>
/// Applies the Segment inbox in arrival order, within moments of each commit, and — with cross-source de-duplication
/// on — folds events that Intercom and Segment both delivered (whichever arrived second).
/// </summary>
internal sealed class SegmentInboxWorker(
    IHubStore store, SegmentInboxAppender appender, AccountModelService model, TimeProvider timeProvider, ILogger<SegmentInboxWorker> logger)
    : BackgroundService
{
    private const int BatchSize = 1_000;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var applier = new SegmentApplier(store, timeProvider) { Model = model };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pending = await store.ReadPendingSegmentMessagesAsync(BatchSize, stoppingToken);
                if (pending.Count > 0)
                {
                    var outcomes = await applier.ApplyAsync(pending, stoppingToken);
                    await store.MarkSegmentMessagesAppliedAsync([.. pending.Select((m, i) => (m.Id, outcomes[i]))], stoppingToken);
                }

                if (await EventDedupSettings.LoadAsync(store, stoppingToken) is { On: true } dedup)
                    await store.FoldCrossSourceEventsAsync(dedup.Window, stoppingToken);
                if (pending.Count < BatchSize)
                    await appender.Signal.WaitAsync(Poll, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // A bad row must not stop the inbox: it stays pending and is retried after a pause.
                logger.LogError(error, "Applying the Segment inbox failed; retrying shortly.");
                await Task.Delay(Poll, timeProvider, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
