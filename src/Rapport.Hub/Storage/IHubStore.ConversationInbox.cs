using Rapport.Hub.Conversations;
using Rapport.Hub.Storage.Browse;

namespace Rapport.Hub.Storage;

/// <summary>The conversations inbox, conversations deleted at the source, and what live updates and the audit read.</summary>
public partial interface IHubStore
{
    /// <summary>Every stored conversation matching the query, newest updated first, deleted ones included (marked).</summary>
    Task<BrowsePage<ConversationListRow>> ListConversationsAsync(ConversationQuery query, CancellationToken cancellationToken = default);

    /// <summary>The stored conversations among <paramref name="sourceIds"/>, with their part counts; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<string, ConversationPartTally>> TallyConversationPartsAsync(
        string source, IReadOnlyList<string> sourceIds, CancellationToken cancellationToken = default);

    /// <summary>Marks a conversation deleted at the source (kept with its parts). False when it was never stored.</summary>
    Task<bool> MarkConversationDeletedAsync(string source, string sourceId, DateTimeOffset deletedAt, CancellationToken cancellationToken = default);
}
