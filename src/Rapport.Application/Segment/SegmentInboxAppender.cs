using Rapport.Hub.Segment;
using Rapport.Application.Background;

namespace Rapport.Application.Segment;

/// <summary>
/// Group commit for <c>/v1/*</c>, as for Intercom's webhooks: a burst costs one disk sync per few thousand messages, and
/// each request is answered only once its own rows are committed.
/// </summary>
public sealed class SegmentInboxAppender(ISegmentStore store)
    : GroupCommit<IReadOnlyList<SegmentInboxMessage>, bool>(MaxMessages, "Segment inbox")
{
    private const int MaxMessages = 5_000;

    /// <summary>Wakes the worker after a commit.</summary>
    public WorkSignal Signal { get; } = new();

    public Task AppendAsync(IReadOnlyList<SegmentInboxMessage> messages, CancellationToken cancellationToken) =>
        SubmitAsync(messages, cancellationToken);

    protected override int Weight(IReadOnlyList<SegmentInboxMessage> messages) => messages.Count;

    protected override async Task<IReadOnlyList<bool>> CommitAsync(
        IReadOnlyList<IReadOnlyList<SegmentInboxMessage>> requests, CancellationToken cancellationToken)
    {
        await store.AppendSegmentMessagesAsync([.. requests.SelectMany(messages => messages)], cancellationToken);
        Signal.Wake();
        return [.. requests.Select(_ => true)];
    }
}
