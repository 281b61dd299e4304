namespace Rapport.Hub.Messaging;

/// <summary>What a teammate (or a playbook) asks Rapport to send to Intercom, before it is queued.</summary>
/// <param name="IdempotencyKey">The same key queues the same send once: a resubmitted form or a retried API call sends nothing twice.</param>
/// <param name="Kind"><see cref="OutboundKinds"/>: a reply or note on <paramref name="ConversationId"/>, or a message to <paramref name="ContactId"/>.</param>
/// <param name="AdminId">The Intercom admin the teammate maps to: Intercom shows the send as theirs.</param>
/// <param name="Channel">For a message: in_app or email.</param>
public sealed record OutboundRequest(
    string IdempotencyKey,
    string Kind,
    long TeammateId,
    string AdminId,
    string? ConversationId,
    string? ContactId,
    string? UserExternalId,
    string? Channel,
    string? Subject,
    string Body,
    IReadOnlyList<string> AttachmentUrls);

/// <summary>A queued send as the store keeps it.</summary>
/// <param name="Status"><see cref="OutboundStatuses"/>.</param>
/// <param name="IntercomId">Once sent: the new part's id (reply, note) or the message's id.</param>
/// <param name="ConversationId">The conversation replied to, or the one a message opened once Intercom said which.</param>
/// <param name="Attempts">How many times a worker took it: more than one means an earlier attempt may have reached Intercom.</param>
public sealed record OutboundSend(
    long Id,
    string IdempotencyKey,
    string Kind,
    string Status,
    long TeammateId,
    string AdminId,
    string? ConversationId,
    string? ContactId,
    string? UserExternalId,
    string? Channel,
    string? Subject,
    string Body,
    IReadOnlyList<string> AttachmentUrls,
    string? IntercomId,
    string? Error,
    int Attempts,
    DateTimeOffset QueuedAt,
    DateTimeOffset? SentAt)
{
    /// <summary>A playbook's send found inside its recipient's quiet hours waits, untried, until then.</summary>
    public DateTimeOffset? HeldUntil { get; init; }
}

public static class OutboundKinds
{
    public const string Reply = "reply";
    public const string Note = "note";
    public const string Message = "message";
}

public static class OutboundStatuses
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}
