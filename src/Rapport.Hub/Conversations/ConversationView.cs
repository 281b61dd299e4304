namespace Rapport.Hub.Conversations;

/// <summary>A stored conversation without its parts; <see cref="StoredParts"/> counts the parts kept.</summary>
/// <param name="Opening">The body of its first message as the source sent it (HTML or text), to name a conversation that has
/// neither title nor subject.</param>
/// <param name="DeletedAt">When the source said it was deleted: it is kept, and shown as deleted.</param>
public sealed record ConversationHeader(
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
    int StoredParts,
    IReadOnlyList<string> UserExternalIds,
    string? Opening = null,
    DateTimeOffset? DeletedAt = null);

/// <summary>A stored conversation with every part kept, oldest first.</summary>
public sealed record ConversationView(ConversationHeader Conversation, string RawJson, IReadOnlyList<ConversationPart> Parts);

/// <summary>What one batch changed.</summary>
/// <param name="Written">Conversations new to the store, or newer than the stored copy (a later <c>updated_at</c>, or the same
/// one with parts never seen): what a reconciliation counts as missed by webhooks.</param>
/// <param name="Stale">Copies older than the stored one, left as they were (their unknown parts still added).</param>
/// <param name="Unchanged">Copies with the stored <c>updated_at</c> and no new part: a redelivery or a re-read of nothing new.</param>
public sealed record ConversationBatchResult(int Written, int Stale, int PartsAdded, int Excluded, int Unchanged = 0);

/// <param name="Unattached">Stored conversations linked to no user.</param>
/// <param name="Excluded">Excluded conversations by kind.</param>
public sealed record ConversationCounts(
    int Conversations, int Parts, int BotParts, int Truncated, int Unattached, IReadOnlyDictionary<string, int> Excluded);
