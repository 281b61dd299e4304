using System.Data.Common;
using Rapport.Hub.Segment;

namespace Rapport.Application.Segment;

/// <summary>What one pass did.</summary>
/// <param name="Read">Pending calls read (at most the batch size).</param>
/// <param name="Tried">Calls applied or attempted; the others wait behind a failing call.</param>
/// <param name="SetAside">Calls set aside in this pass after their last attempt.</param>
/// <param name="NextRetryAt">When the earliest call waiting for a retry is due; null when none waits.</param>
public sealed record SegmentDrainPass(int Read, int Tried, int SetAside, DateTimeOffset? NextRetryAt);

/// <summary>
/// Applies the Segment inbox in arrival order, a batch per pass, without letting one bad call stop it. When a batch
/// fails, its calls are applied one by one so the good ones land; a call that fails is tried again after a backoff
/// (1, 2, 4, 8 × <see cref="FirstRetry"/>) and set aside with its error after <see cref="MaxAttempts"/> failures. While
/// it waits, the calls behind it that name the same user or account wait too (<see cref="SegmentCallOrder"/>).
/// An error of the database itself (unreachable, busy) is no call's fault: it ends the pass and counts no attempt.
/// </summary>
public sealed class SegmentInboxDrain(ISegmentStore store, SegmentApplier applier, TimeProvider timeProvider)
{
    private const int MaxErrorLength = 2_000;

    public int BatchSize { get; init; } = 1_000;

    public int MaxAttempts { get; init; } = 5;

    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(1);

    public async Task<SegmentDrainPass> ApplyNextAsync(CancellationToken cancellationToken = default)
    {
        var pending = await store.ReadPendingSegmentMessagesAsync(BatchSize, cancellationToken);
        var (ready, nextRetry) = SegmentCallOrder.Ready(pending, timeProvider.GetUtcNow());
        if (ready.Count == 0)
            return new SegmentDrainPass(pending.Count, 0, 0, nextRetry);
        try
        {
            var outcomes = await applier.ApplyAsync(ready, cancellationToken);
            await store.MarkSegmentMessagesAppliedAsync([.. ready.Select((m, i) => (m.Id, outcomes[i]))], cancellationToken);
            return new SegmentDrainPass(pending.Count, ready.Count, 0, nextRetry);
        }
        catch (Exception error) when (IsTheCallsFault(error, cancellationToken))
        {
            // Calls the failed batch had applied before it threw are applied again: groups and identifies are upserts,
            // events are keyed by messageId, so a second pass changes nothing.
            var (setAside, retryAt) = await ApplyOneByOneAsync(ready, cancellationToken);
            return new SegmentDrainPass(pending.Count, ready.Count, setAside, SegmentCallOrder.Earliest(nextRetry, retryAt));
        }
    }

    private async Task<(int SetAside, DateTimeOffset? NextRetryAt)> ApplyOneByOneAsync(
        List<PendingSegmentMessage> messages, CancellationToken cancellationToken)
    {
        var applied = new List<(long Id, string Outcome)>(messages.Count);
        var held = new SegmentCallOrder.HeldIds();
        var setAside = 0;
        DateTimeOffset? next = null;
        foreach (var message in messages)
        {
            var keys = SegmentCallOrder.Keys(message);
            if (held.Holds(keys))
                continue;

            try
            {
                applied.Add((message.Id, (await applier.ApplyAsync([message], cancellationToken))[0]));
            }
            catch (Exception error) when (IsTheCallsFault(error, cancellationToken))
            {
                var attempts = message.Attempts + 1;
                DateTimeOffset? retryAt = attempts >= MaxAttempts ? null : timeProvider.GetUtcNow() + Backoff(attempts);
                await store.MarkSegmentMessageFailedAsync(message.Id, Describe(error), retryAt, cancellationToken);
                if (retryAt is { } at)
                {
                    held.Add(keys);
                    next = SegmentCallOrder.Earliest(next, at);
                }
                else
                {
                    setAside++;
                }
            }
        }

        // Should this pass end early, the calls applied so far stay pending and are applied again, to the same effect.
        if (applied.Count > 0)
            await store.MarkSegmentMessagesAppliedAsync(applied, cancellationToken);
        return (setAside, next);
    }

    private TimeSpan Backoff(int attempts) => FirstRetry * Math.Pow(2, attempts - 1);

    private static bool IsTheCallsFault(Exception error, CancellationToken cancellationToken) => error switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => false,
        DbException { IsTransient: true } or TimeoutException => false,
        _ => true,
    };

    private static string Describe(Exception error)
    {
        var text = $"{error.GetType().Name}: {error.Message}";
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }
}
