
using Rapport.Hub.Accounts;

namespace Rapport.Hub.Conversations;

/// <summary>A page of the conversations inbox: newest updated first, keyset-paged, with its filters.</summary>
/// <param name="Open">True: open (and snoozed) only; false: closed only; null: both.</param>
/// <param name="BotStarted">True: only conversations a bot started.</param>
/// <param name="Unattached">True: only conversations linked to no user.</param>
public sealed record ConversationQuery(
    bool? Open = null,
    bool BotStarted = false,
    bool Unattached = false,
    PageCursor? Cursor = null,
    int PageSize = PageCursor.DefaultPageSize,
    bool IncludeTotal = false);

/// <summary>One inbox row: the conversation, and the accounts its users belong to (external id and name).</summary>
public sealed record ConversationListRow(ConversationHeader Conversation, IReadOnlyList<(string ExternalId, string? Name)> Users,
    IReadOnlyList<(string ExternalId, string? Name)> Accounts);

/// <summary>What the completeness audit needs of a stored conversation.</summary>
/// <param name="StoredParts">Parts kept, the opening message left out (Intercom's count does not include it, see the audit).</param>
public sealed record ConversationPartTally(string SourceId, DateTimeOffset? UpdatedAt, int? PartCount, int StoredParts, bool PartsTruncated, bool Deleted);
