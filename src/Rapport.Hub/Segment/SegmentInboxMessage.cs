namespace Rapport.Hub.Segment;

/// <summary>One Segment call as accepted by the ingest, kept whole (its batch's context merged in) until it is applied.</summary>
/// <param name="Type">identify, group, track or page.</param>
public sealed record SegmentInboxMessage(string MessageId, string Type, string Body);

/// <summary>A stored call waiting to be applied, in arrival order.</summary>
public sealed record PendingSegmentMessage(long Id, string MessageId, string Type, string Body, DateTimeOffset ReceivedAt);

/// <summary>What the Segment inbox holds: calls received, applied, waiting, and anonymous calls kept aside for an identify.</summary>
public sealed record SegmentInboxCounts(long Received, long Applied, long Pending, long KeptAside, DateTimeOffset? LastReceivedAt);
