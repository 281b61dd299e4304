using Rapport.Hub.Accounts;
using Rapport.Hub.Storage;

namespace Rapport.Hub.Conversations;

/// <summary>Conversations with every part ever seen, the users they belong to, the ones excluded on purpose, the inbox
/// that lists them and those deleted at the source.</summary>
public interface IConversationStore
{
    /// <summary>Every stored conversation matching the query, newest updated first, deleted ones included (marked).</summary>
    Task<BrowsePage<ConversationListRow>> ListConversationsAsync(ConversationQuery query, CancellationToken cancellationToken = default);

    /// <summary>Marks a conversation deleted at the source (kept with its parts). False when it was never stored.</summary>
    Task<bool> MarkConversationDeletedAsync(string source, string sourceId, DateTimeOffset deletedAt, CancellationToken cancellationToken = default);

    /// <summary>The stored conversations among <paramref name="sourceIds"/>, with their part counts; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<string, ConversationPartTally>> TallyConversationPartsAsync(
        string source, IReadOnlyList<string> sourceIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps a batch in one transaction, with the checkpoint: a conversation is written unless the stored one is newer
    /// (<c>updated_at</c>), its user links then follow the batch; its parts are added (a part with a newer <c>updated_at</c>
    /// replaces its older copy) and never removed, whether the conversation row was newer or not. Excluded conversations
    /// keep only their id and kind.
    /// </summary>
    Task<ConversationBatchResult> ApplyConversationsAsync(
        IReadOnlyList<SourceConversation> batch,
        IReadOnlyList<ExcludedConversation> excluded,
        SyncCheckpoint? checkpoint = null,
        CancellationToken cancellationToken = default);

    Task<ConversationCounts> CountConversationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Mirrored contacts of <paramref name="source"/> that are hub users: contact source id → user external id.</summary>
    Task<IReadOnlyDictionary<string, string>> FindUsersByContactAsync(
        string source, IReadOnlyList<string> contactSourceIds, CancellationToken cancellationToken = default);

    /// <summary>Hub users (from any source) by email, compared without regard to case: lower-cased email → user external ids.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> FindUsersByEmailAsync(
        IReadOnlyList<string> emails, CancellationToken cancellationToken = default);

    Task<ConversationView?> GetConversationAsync(string source, string sourceId, CancellationToken cancellationToken = default);

    /// <summary>The conversations of an account's users, most recently updated first.</summary>
    Task<IReadOnlyList<ConversationHeader>> ListAccountConversationsAsync(string accountExternalId, int limit, CancellationToken cancellationToken = default);

    /// <summary>A user's conversations, most recently updated first.</summary>
    Task<IReadOnlyList<ConversationHeader>> ListUserConversationsAsync(string userExternalId, int limit, CancellationToken cancellationToken = default);
}
