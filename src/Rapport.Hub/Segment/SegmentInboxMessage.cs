namespace Rapport.Hub.Segment;

/// <summary>One Segment call as accepted by the ingest, kept whole (its batch's context merged in) until it is applied.</summary>
/// <param name="Type">identify, group, track or page.</param>
public sealed record SegmentInboxMessage(string MessageId, string Type, string Body);

/// <summary>A stored call waiting to be applied, in arrival order.</summary>
/// <param name="Attempts">Failed attempts so far; 0 for a call never tried or put back by a retry.</param>
/// <param name="RetryAt">After a failure, the earliest time it is tried again.</param>
public sealed record PendingSegmentMessage(long Id, string MessageId, string Type, string Body, DateTimeOffset ReceivedAt, int Attempts = 0, DateTimeOffset? RetryAt = null);

/// <summary>A call that failed every attempt and was set aside with its last error, waiting for a retry or a discard.</summary>
public sealed record SetAsideSegmentMessage(
    long Id, string MessageId, string Type, string Body, DateTimeOffset ReceivedAt, int Attempts, string Error, DateTimeOffset SetAsideAt);

/// <summary>
/// What the Segment inbox holds: calls received, applied, waiting, set aside after failing (and discarded from there), and
/// anonymous calls kept aside for an identify.
/// </summary>
public sealed record SegmentInboxCounts(
    long Received, long Applied, long Pending, long KeptAside, DateTimeOffset? LastReceivedAt, long SetAside = 0, long Discarded = 0);
