using Rapport.Hub.Conversations;

namespace Rapport.Application.Conversations;

/// <summary>The newest conversations of an account or a user, as the account and user pages and the timeline show them.</summary>
public sealed class ConversationHistory(IConversationStore store)
{
    private readonly IConversationStore _store = store;

    public Task<IReadOnlyList<ConversationHeader>> OfAccountAsync(string accountExternalId, int limit, CancellationToken cancellationToken = default) =>
        _store.ListAccountConversationsAsync(accountExternalId, limit, cancellationToken);

    public Task<IReadOnlyList<ConversationHeader>> OfUserAsync(string userExternalId, int limit, CancellationToken cancellationToken = default) =>
        _store.ListUserConversationsAsync(userExternalId, limit, cancellationToken);
}
