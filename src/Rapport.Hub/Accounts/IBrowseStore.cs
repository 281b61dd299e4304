using Rapport.Hub.Users;

namespace Rapport.Hub.Accounts;

/// <summary>The read side of accounts and users: filtered, sorted lists with keyset pagination (a page deep into 100,000 rows
/// costs what the first page costs), one record with everything its sources gave, the values the filters offer, counts,
/// and a deterministic snapshot of the whole hub.</summary>
public interface IBrowseStore
{
    /// <summary>The account with every source record; at most <paramref name="userLimit"/> of its users (by name), and how many it has.</summary>
    Task<AccountDetail?> GetAccountAsync(AccountId id, int userLimit = 100, CancellationToken cancellationToken = default);

    /// <summary>Counts are of source records (Intercom companies) whatever their account's status: cheap at any size.</summary>
    Task<BrowseFacets> GetAccountFacetsAsync(CancellationToken cancellationToken = default);

    Task<UserDetail?> GetUserAsync(UserId id, CancellationToken cancellationToken = default);

    /// <summary>Counts are of mirrored contacts, whether or not they are hub users.</summary>
    Task<BrowseFacets> GetUserFacetsAsync(CancellationToken cancellationToken = default);

    Task<BrowsePage<AccountRow>> ListAccountsAsync(AccountQuery query, CancellationToken cancellationToken = default);

    Task<BrowsePage<UserRow>> ListUsersAsync(UserQuery query, CancellationToken cancellationToken = default);

    Task<HubCounts> CountAsync(CancellationToken cancellationToken = default);

    Task<AccountView?> FindAccountAsync(string externalId, CancellationToken cancellationToken = default);

    Task<UserView?> FindUserAsync(string externalId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A deterministic text dump of every account, user, membership, source record (raw JSON included) and their
    /// statuses, without the store's own timestamps: two stores with the same content give the same text.
    /// </summary>
    Task<string> ExportSnapshotAsync(CancellationToken cancellationToken = default);
}
