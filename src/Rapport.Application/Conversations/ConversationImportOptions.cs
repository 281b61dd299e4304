namespace Rapport.Application.Conversations;

/// <summary>How conversations find their users, and what the conversations phase may spend.</summary>
public sealed class ConversationImportOptions
{
    /// <summary>
    /// True when Import users and companies is on: a conversation attaches through its contacts' Intercom ids to the
    /// mirrored contacts and their hub users. False: by email, to a hub user with that email from any source.
    /// </summary>
    public bool AttachByContact { get; set; } = true;

    /// <summary>How many conversations are read (with their parts) at once; the list and search items carry no parts.</summary>
    public int FetchConcurrency { get; set; } = 4;

    /// <summary>
    /// Conversations Rapport itself started (messages sent from Rapport): they are kept even when Intercom reports them
    /// as admin-initiated emails. The importer adds those the hub recorded
    /// (<see cref="Rapport.Hub.Messaging.IOutboundStore.ListConversationsStartedByRapportAsync"/>) to what is set here.
    /// </summary>
    public IReadOnlySet<string> StartedByRapport { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// How far before the last run's start an incremental run searches again: whether Intercom matches conversation dates by
    /// day as it does for contacts is not documented, and <c>updated_at</c> decides what is newer anyway.
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromDays(1);
}
