using Rapport.Hub.Accounts;
using Rapport.Hub.Events;
using Rapport.Hub.Users;

namespace Rapport.Application.Events;

/// <summary>The newest events of an account's users or of one user, as the account and user pages show them.</summary>
public sealed class EventHistory(IEventStore store)
{
    private readonly IEventStore _store = store;

    public Task<IReadOnlyList<StoredEvent>> OfAccountAsync(long accountId, int limit, CancellationToken cancellationToken = default) =>
        _store.ListAccountEventsAsync(new AccountId(accountId), limit, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> OfUserAsync(long userId, int limit, CancellationToken cancellationToken = default) =>
        _store.ListUserEventsAsync(new UserId(userId), limit, cancellationToken);
}
