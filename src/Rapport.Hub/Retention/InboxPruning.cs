namespace Rapport.Hub.Retention;

public sealed record InboxPruning(long Webhooks, long SegmentCalls, DateTimeOffset? At)
{
    public long Total => Webhooks + SegmentCalls;
}
