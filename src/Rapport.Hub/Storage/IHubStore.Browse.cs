using Rapport.Hub.Storage.Browse;

namespace Rapport.Hub.Storage;

/// <summary>
/// Browsing accounts and users: filtered, sorted lists with keyset pagination (a page deep into 100,000 rows costs what
/// the first page costs), one record with everything its sources gave, and the values the filters offer.
/// </summary>
public partial interface IHubStore
{
    Task<BrowsePage<AccountRow>> ListAccountsAsync(AccountQuery query, CancellationToken cancellationToken = default);

    /// <summary>The account with every source record; at most <paramref name="userLimit"/> of its users (by name), and how many it has.</summary>
    Task<AccountDetail?> GetAccountAsync(long id, int userLimit = 100, CancellationToken cancellationToken = default);

    /// <summary>Counts are of source records (Intercom companies) whatever their account's status: cheap at any size.</summary>
    Task<BrowseFacets> GetAccountFacetsAsync(CancellationToken cancellationToken = default);

    Task<BrowsePage<UserRow>> ListUsersAsync(UserQuery query, CancellationToken cancellationToken = default);

    Task<UserDetail?> GetUserAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Counts are of mirrored contacts, whether or not they are hub users.</summary>
    Task<BrowseFacets> GetUserFacetsAsync(CancellationToken cancellationToken = default);
}
