namespace Rapport.Hub.Conversations;

/// <summary>A stored conversation without its parts; <see cref="StoredParts"/> counts the parts kept.</summary>
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
    IReadOnlyList<string> UserExternalIds);

/// <summary>A stored conversation with every part kept, oldest first.</summary>
public sealed record ConversationView(ConversationHeader Conversation, string RawJson, IReadOnlyList<ConversationPart> Parts);

/// <summary>What one batch changed: conversations written (new or newer), stale ones left as they were, parts added.</summary>
public sealed record ConversationBatchResult(int Written, int Stale, int PartsAdded, int Excluded);

/// <param name="Unattached">Stored conversations linked to no user.</param>
/// <param name="Excluded">Excluded conversations by kind.</param>
public sealed record ConversationCounts(
    int Conversations, int Parts, int BotParts, int Truncated, int Unattached, IReadOnlyDictionary<string, int> Excluded);
