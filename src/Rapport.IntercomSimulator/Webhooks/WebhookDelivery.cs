namespace Rapport.IntercomSimulator.Webhooks;

/// <summary>One notification as the delivery log shows it. <see cref="StatusCodes"/> has one entry per attempt,
/// 0 for a timeout or a connection failure. <see cref="Status"/>: queued, retrying, delivered, failed or dropped
/// (the queue was full, or the subscription went away before it was sent).</summary>
public sealed record WebhookDelivery(
    string Id,
    string Topic,
    int Attempts,
    IReadOnlyList<int> StatusCodes,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FirstSentAt,
    DateTimeOffset? LastAttemptAt);
