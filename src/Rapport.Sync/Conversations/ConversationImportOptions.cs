namespace Rapport.Sync.Conversations;

/// <summary>How conversations find their users, and what the conversations phase may spend.</summary>
public sealed class ConversationImportOptions
{
    /// <summary>
    /// True when users and companies are imported (option 1): a conversation attaches through its contacts' Intercom ids to
    /// the mirrored contacts and their hub users. False: by email, to a hub user with that email from any source.
    /// </summary>
    public bool AttachByContact { get; set; } = true;

    /// <summary>How many conversations are read (with their parts) at once; the list and search items carry no parts.</summary>
    public int FetchConcurrency { get; set; } = 4;

    /// <summary>
    /// Conversations Rapport itself started (a reply hook for the push issue): they are kept even when Intercom reports them
    /// as admin-initiated emails. Empty until Rapport sends messages.
    /// </summary>
    public IReadOnlySet<string> StartedByRapport { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// How far before the last run's start an incremental run searches again: whether Intercom matches conversation dates by
    /// day as it does for contacts is unverified (INTERCOM.md §4), and <c>updated_at</c> decides what is newer anyway.
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromDays(1);
}
