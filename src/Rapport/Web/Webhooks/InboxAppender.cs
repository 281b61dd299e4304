using System.Threading.Channels;
using Rapport.Hub.Storage;
using Rapport.Hub.Webhooks;

namespace Rapport.Web.Webhooks;

/// <summary>
/// Group commit for the endpoint: requests that arrive while a commit is running go into the next one, so a burst costs
/// one disk sync per batch instead of one per notification. Each request still gets its answer only after its own row
/// is committed.
/// </summary>
internal sealed class InboxAppender(IHubStore store, WebhookInboxSignal signal) : BackgroundService
{
    private const int MaxBatch = 256;

    private readonly Channel<(InboxNotification Notification, TaskCompletionSource<bool> Stored)> _pending =
        Channel.CreateUnbounded<(InboxNotification, TaskCompletionSource<bool>)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>True once committed, false when the notification was already there; throws when the commit failed.</summary>
    public async Task<bool> AppendAsync(InboxNotification notification, CancellationToken cancellationToken)
    {
        var stored = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite((notification, stored)))
            throw new InvalidOperationException("The webhook inbox is shutting down.");
        return await stored.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(InboxNotification Notification, TaskCompletionSource<bool> Stored)>(MaxBatch);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
                    batch.Add(next);
                await CommitAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _pending.Writer.TryComplete();
            foreach (var (_, stored) in batch)
                stored.TrySetCanceled(stoppingToken);
            while (_pending.Reader.TryRead(out var left))
                left.Stored.TrySetCanceled(stoppingToken);
        }
    }

    private async Task CommitAsync(List<(InboxNotification Notification, TaskCompletionSource<bool> Stored)> batch, CancellationToken cancellationToken)
    {
        try
        {
            // The same id twice in one batch: the second is a redelivery, as it would be in the next batch.
            var results = await store.AppendToInboxAsync([.. batch.Select(b => b.Notification)], cancellationToken);
            for (var i = 0; i < batch.Count; i++)
                batch[i].Stored.TrySetResult(results[i]);
            if (results.Any(stored => stored))
                signal.Wake();
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            foreach (var (_, stored) in batch)
                stored.TrySetException(error);
        }
    }
}
