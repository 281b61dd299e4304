using Rapport.Hub.Model;

namespace Rapport.Hub.Storage;

/// <summary>
/// The account model: its definitions document (every saved version kept), what definitions may refer to, each
/// account's inputs read set-based, and each account's computed state.
/// </summary>
public partial interface IHubStore
{
    /// <summary>The newest saved definitions document, or null when none was ever saved.</summary>
    Task<StoredDefinitions?> GetModelDefinitionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Saved versions, newest first.</summary>
    Task<IReadOnlyList<StoredDefinitions>> ListModelDefinitionsAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Keeps <paramref name="json"/> as the next version; earlier versions stay.</summary>
    Task<StoredDefinitions> SaveModelDefinitionsAsync(string json, string savedBy, CancellationToken cancellationToken = default);

    /// <summary>The account fields, the traits (<c>source.name</c>) and the event names definitions may refer to.</summary>
    Task<ModelCatalog> ReadModelCatalogAsync(CancellationToken cancellationToken = default);

    /// <summary>Account ids above <paramref name="afterId"/>, ascending: the keyset pages of a full recompute.</summary>
    Task<IReadOnlyList<long>> ListAccountIdsAsync(long afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// What the model reads about each of <paramref name="accountIds"/>, in a fixed number of queries whatever their
    /// count; only events named in <paramref name="eventNames"/> are loaded (the last event of any name is always known).
    /// </summary>
    Task<IReadOnlyList<IAccountInputs>> LoadAccountInputsAsync(
        IReadOnlyCollection<long> accountIds, IReadOnlyCollection<string> eventNames, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<long, AccountState>> GetAccountStatesAsync(IReadOnlyCollection<long> accountIds, CancellationToken cancellationToken = default);

    /// <summary>Replaces each account's state, computed by definitions version <paramref name="definitionsVersion"/>.</summary>
    Task SaveAccountStatesAsync(IReadOnlyList<AccountState> states, int definitionsVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// The accounts a change of these source records reaches: the accounts of the companies, and of the users behind the
    /// contacts or user ids.
    /// </summary>
    Task<IReadOnlyList<long>> FindAccountsReachedAsync(
        string source, IReadOnlyCollection<string> companySourceIds, IReadOnlyCollection<string> contactSourceIds,
        IReadOnlyCollection<string> userExternalIds, CancellationToken cancellationToken = default);
}
