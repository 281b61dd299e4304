using System.Threading.Channels;
using Rapport.Hub.Segment;
using Rapport.Hub.Storage;
using Rapport.Web.Webhooks;

namespace Rapport.Web.Segment;

/// <summary>
/// Group commit for <c>/v1/*</c>, as for Intercom's webhooks: calls that arrive while a commit runs go into the next one,
/// so a burst costs one disk sync per few thousand messages. Each request is answered only once its own rows are committed.
/// </summary>
internal sealed class SegmentInboxAppender(IHubStore store) : BackgroundService
{
    private const int MaxMessages = 5_000;

    private readonly Channel<(IReadOnlyList<SegmentInboxMessage> Messages, TaskCompletionSource Stored)> _pending =
        Channel.CreateUnbounded<(IReadOnlyList<SegmentInboxMessage>, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Wakes the worker after a commit.</summary>
    public WebhookInboxSignal Signal { get; } = new();

    public async Task AppendAsync(IReadOnlyList<SegmentInboxMessage> messages, CancellationToken cancellationToken)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite((messages, stored)))
            throw new InvalidOperationException("The Segment inbox is shutting down.");
        await stored.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(IReadOnlyList<SegmentInboxMessage> Messages, TaskCompletionSource Stored)>();
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                var count = 0;
                while (count < MaxMessages && _pending.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                    count += next.Messages.Count;
                }

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

    private async Task CommitAsync(List<(IReadOnlyList<SegmentInboxMessage> Messages, TaskCompletionSource Stored)> batch, CancellationToken cancellationToken)
    {
        try
        {
            await store.AppendSegmentMessagesAsync([.. batch.SelectMany(b => b.Messages)], cancellationToken);
            foreach (var (_, stored) in batch)
                stored.TrySetResult();
            Signal.Wake();
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            foreach (var (_, stored) in batch)
                stored.TrySetException(error);
        }
    }
}
