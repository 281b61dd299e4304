namespace Rapport.Hub.Conversations;

/// <summary>
/// A conversation as a source sent it, ready to keep: the users it belongs to are given by external id, already matched by
/// the caller (through the mirror when users are imported, by email otherwise).
/// </summary>
/// <param name="SourceType">How it started: conversation, email, push, … (Intercom's <c>source.type</c>).</param>
/// <param name="DeliveredAs">customer_initiated, automated, campaigns_initiated, admin_initiated or operator_initiated.</param>
/// <param name="PartCount">The number of parts the source says it holds, which a completeness audit compares with the stored ones.</param>
/// <param name="PartsTruncated">The source held more parts than it returned (Intercom returns only the 500 most recent).</param>
public sealed record SourceConversation(
    string Source,
    string SourceId,
    string? State,
    bool? Open,
    string? SourceType,
    string? DeliveredAs,
    bool BotInitiated,
    string? Title,
    string? Subject,
    int? PartCount,
    bool PartsTruncated,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    string RawJson,
    IReadOnlyList<string> UserExternalIds,
    IReadOnlyList<ConversationPart> Parts);

/// <summary>One part of a conversation; the opening message is a part too, with the source's id.</summary>
/// <param name="AuthorKind">user, lead, admin, bot or team.</param>
/// <param name="AttachmentsJson">A JSON array of the attachments' metadata (the files stay at the source).</param>
public sealed record ConversationPart(
    string PartId,
    string? PartType,
    string? Body,
    string? AuthorKind,
    string? AuthorId,
    string? AuthorName,
    string? AuthorEmail,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    string AttachmentsJson);

/// <summary>A conversation left out on purpose, and why (<see cref="Kind"/>: ticket, email, post, …).</summary>
public sealed record ExcludedConversation(string Source, string SourceId, string Kind, DateTimeOffset? UpdatedAt);
