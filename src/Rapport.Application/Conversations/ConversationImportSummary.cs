namespace Rapport.Application.Conversations;

/// <summary>What the conversations phase saw and kept; counts survive a resume (checkpointed with every batch).</summary>
/// <param name="Seen">Conversations Intercom returned (updated since the last run, or all on the first).</param>
/// <param name="Stored">Kept conversations new to the hub or newer than its copy (a later <c>updated_at</c>, or parts never
/// seen): what a reconciliation counts as missed by webhooks.</param>
/// <param name="Stale">Kept conversations whose stored copy was already as new (older copies, and unchanged ones).</param>
/// <param name="Excluded">Conversations left out, by kind (ticket, outbound email, outbound post).</param>
/// <param name="Unattached">Kept conversations no hub user was found for (stored all the same).</param>
/// <param name="AmbiguousEmails">Emails shared by several hub users: their conversations are not attached to any (by email only).</param>
/// <param name="Truncated">Conversations whose older parts Intercom no longer returns (more than 500).</param>
public sealed record ConversationImportSummary(
    int Seen,
    int Stored,
    int Stale,
    IReadOnlyDictionary<string, int> Excluded,
    int Unattached,
    IReadOnlyList<string> AmbiguousEmails,
    int PartsStored,
    int BotParts,
    int Truncated);
