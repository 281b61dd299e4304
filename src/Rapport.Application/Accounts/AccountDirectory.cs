using Rapport.Hub.Accounts;
using Rapport.Hub.Users;

namespace Rapport.Application.Accounts;

/// <summary>
/// The accounts and users other features look up: a message's recipient, the account a timeline or a model value belongs
/// to, the hub's counts. They read through here rather than the browse store, so the Accounts feature alone decides how
/// its records are read.
/// </summary>
public sealed class AccountDirectory(IBrowseStore store)
{
    private readonly IBrowseStore _store = store;

    /// <summary>The account with up to <paramref name="userLimit"/> of its users (0 when only the account is wanted).</summary>
    public Task<AccountDetail?> GetAccountAsync(long id, int userLimit = 100, CancellationToken cancellationToken = default) =>
        _store.GetAccountAsync(new AccountId(id), userLimit, cancellationToken);

    public Task<UserDetail?> GetUserAsync(long id, CancellationToken cancellationToken = default) =>
        _store.GetUserAsync(new UserId(id), cancellationToken);

    public Task<UserView?> FindUserAsync(string externalId, CancellationToken cancellationToken = default) =>
        _store.FindUserAsync(externalId, cancellationToken);

    /// <summary>Users as the Users list finds them, for pickers that search by email, name or external id.</summary>
    public Task<BrowsePage<UserRow>> ListUsersAsync(UserQuery query, CancellationToken cancellationToken = default) =>
        _store.ListUsersAsync(query, cancellationToken);

    public Task<HubCounts> CountAsync(CancellationToken cancellationToken = default) => _store.CountAsync(cancellationToken);
}
