using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace Rapport.Application.Background;

/// <summary>
/// Group commit: items that arrive while a commit runs go into the next one, so a burst costs one disk sync per batch
/// instead of one per request. Each caller still gets its answer only once its own item is committed, and sees the
/// commit's error when it fails (nothing is acknowledged that was not stored).
/// </summary>
/// <param name="maxWeight">How much one commit takes at most, in <see cref="Weight"/> units.</param>
/// <param name="what">Names the queue in the error a caller gets while the host shuts down.</param>
public abstract class GroupCommit<TItem, TResult>(int maxWeight, string what) : BackgroundService
{
    private readonly Channel<(TItem Item, TaskCompletionSource<TResult> Done)> _pending =
        Channel.CreateUnbounded<(TItem, TaskCompletionSource<TResult>)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Stores every item of one batch, in order, in one transaction; returns one result per item.</summary>
    protected abstract Task<IReadOnlyList<TResult>> CommitAsync(IReadOnlyList<TItem> items, CancellationToken cancellationToken);

    /// <summary>An item's share of <c>maxWeight</c>: 1 unless an item carries several rows.</summary>
    protected virtual int Weight(TItem item) => 1;

    protected async Task<TResult> SubmitAsync(TItem item, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite((item, done)))
            throw new InvalidOperationException($"The {what} is shutting down.");
        return await done.Task.WaitAsync(cancellationToken);
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(TItem Item, TaskCompletionSource<TResult> Done)>();
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                var weight = 0;
                while (weight < maxWeight && _pending.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                    weight += Weight(next.Item);
                }

                await CommitBatchAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _pending.Writer.TryComplete();
            foreach (var (_, done) in batch)
                done.TrySetCanceled(stoppingToken);
            while (_pending.Reader.TryRead(out var left))
                left.Done.TrySetCanceled(stoppingToken);
        }
    }

    private async Task CommitBatchAsync(List<(TItem Item, TaskCompletionSource<TResult> Done)> batch, CancellationToken cancellationToken)
    {
        try
        {
            var results = await CommitAsync([.. batch.Select(b => b.Item)], cancellationToken);
            for (var i = 0; i < batch.Count; i++)
                batch[i].Done.TrySetResult(results[i]);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            foreach (var (_, done) in batch)
                done.TrySetException(error);
        }
    }
}
