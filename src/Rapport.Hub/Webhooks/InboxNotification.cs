namespace Rapport.Hub.Webhooks;

/// <summary>A verified webhook notification as it goes into the inbox: the envelope's keys plus the raw body, unapplied.</summary>
public sealed record InboxNotification(
    string NotificationId,
    string Topic,
    string AppId,
    string? ItemType,
    string? ItemId,
    DateTimeOffset? ItemUpdatedAt,
    DateTimeOffset CreatedAt,
    string Body);

/// <summary>A claimed inbox row.</summary>
public sealed record InboxItem(
    long Id,
    InboxNotification Notification,
    DateTimeOffset ReceivedAt,
    int Attempts);

/// <summary>What the status card shows. <see cref="Failed"/> counts rows whose last attempt failed and are not applied.</summary>
public sealed record InboxCounts(long Received, long Applied, long Pending, long Failed, DateTimeOffset? LastReceivedAt, DateTimeOffset? LastAppliedAt)
{
    /// <summary>Pending and not failed: what the worker has yet to apply.</summary>
    public long Waiting => Pending - Failed;
}
