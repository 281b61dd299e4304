namespace Rapport.Application.Segment;

/// <summary>The names under which Segment data lives in the hub, and Segment's HTTP Tracking API limits.</summary>
public static class SegmentSource
{
    /// <summary>The source name on source records, memberships and events.</summary>
    public const string Name = "segment";

    /// <summary>Segment's limit for one call (a single message, or one message inside a batch).</summary>
    public const int MaxMessageBytes = 32 * 1024;

    /// <summary>Segment's limit for one <c>/v1/batch</c> request.</summary>
    public const int MaxBatchBytes = 500 * 1024;

    /// <summary>The event name a <c>page</c> call is stored under.</summary>
    public const string PageEventName = "Page Viewed";
}
