using Rapport.Hub.Accounts;

namespace Rapport.Hub.Model;

/// <summary>The account model: its definitions and their history, the inputs it reads, the states it computes, and the manual
/// overrides teammates set on an account.</summary>
public interface IModelStore
{
    /// <summary>
    /// The accounts a change of these source records reaches: the accounts of the companies, and of the users behind the
    /// contacts or user ids.
    /// </summary>
    Task<IReadOnlyList<long>> FindAccountsReachedAsync(
        string source, IReadOnlyCollection<string> companySourceIds, IReadOnlyCollection<string> contactSourceIds,
        IReadOnlyCollection<string> userExternalIds, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<long, AccountState>> GetAccountStatesAsync(IReadOnlyCollection<long> accountIds, CancellationToken cancellationToken = default);

    /// <summary>The newest saved definitions document, or null when none was ever saved.</summary>
    Task<StoredDefinitions?> GetModelDefinitionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Account ids above <paramref name="afterId"/>, ascending: the keyset pages of a full recompute.</summary>
    Task<IReadOnlyList<long>> ListAccountIdsAsync(long afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Saved versions, newest first.</summary>
    Task<IReadOnlyList<StoredDefinitions>> ListModelDefinitionsAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// What the model reads about each of <paramref name="accountIds"/>, in a fixed number of queries whatever their
    /// count; only events named in <paramref name="eventNames"/> are loaded (the last event of any name is always known).
    /// </summary>
    Task<IReadOnlyList<IAccountInputs>> LoadAccountInputsAsync(
        IReadOnlyCollection<long> accountIds, IReadOnlyCollection<string> eventNames, CancellationToken cancellationToken = default);

    /// <summary>The account fields, the traits (<c>source.name</c>) and the event names definitions may refer to.</summary>
    Task<ModelCatalog> ReadModelCatalogAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces each account's state, computed by definitions version <paramref name="definitionsVersion"/>.</summary>
    Task SaveAccountStatesAsync(IReadOnlyList<AccountState> states, int definitionsVersion, CancellationToken cancellationToken = default);

    /// <summary>Keeps <paramref name="json"/> as the next version; earlier versions stay.</summary>
    Task<StoredDefinitions> SaveModelDefinitionsAsync(string json, string savedBy, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps <paramref name="json"/> as the next version and, in the same transaction, what it dropped from the version
    /// before: both are kept, or neither.
    /// </summary>
    Task<StoredDefinitions> SaveModelDefinitionsAsync(
        string json, string savedBy, IReadOnlyList<DefinitionRetirement> retired, CancellationToken cancellationToken = default);

    /// <summary>The account's days from <paramref name="since"/> on, oldest first, names as they were stored that day.</summary>
    Task<IReadOnlyList<AccountHistoryDay>> GetAccountHistoryAsync(AccountId accountId, DateOnly since, CancellationToken cancellationToken = default);

    /// <summary>
    /// Definitions dropped by versions after <paramref name="afterVersion"/> (0 for all), oldest first: a push that last
    /// ran under version N asks for what was retired since N.
    /// </summary>
    Task<IReadOnlyList<RetiredDefinition>> ListRetiredDefinitionsAsync(int afterVersion, CancellationToken cancellationToken = default);

    /// <summary>Lets the owner trait decide again; false when no owner was set by hand.</summary>
    Task<bool> ClearManualOwnerAsync(AccountId accountId, CancellationToken cancellationToken = default);

    /// <summary>Lets the segment's rule decide again; false when nothing was set by hand.</summary>
    Task<bool> ClearManualSegmentAsync(AccountId accountId, string segment, CancellationToken cancellationToken = default);

    /// <summary>Everything set by hand on the account, with who and when; empty when nothing was.</summary>
    Task<AccountOverrides> GetAccountOverridesAsync(AccountId accountId, CancellationToken cancellationToken = default);

    /// <summary>Marks the activation of <paramref name="indicator"/> that began at <see cref="IndicatorAddressed.ActivatedAt"/> addressed.</summary>
    Task MarkIndicatorAddressedAsync(AccountId accountId, string indicator, IndicatorAddressed mark, CancellationToken cancellationToken = default);

    /// <summary>Makes <paramref name="owner"/> the account's owner, whatever the owner trait says.</summary>
    Task SetManualOwnerAsync(AccountId accountId, ManualOwner owner, CancellationToken cancellationToken = default);

    /// <summary>Puts the account in or out of a segment, whatever the segment's rule says.</summary>
    Task SetManualSegmentAsync(AccountId accountId, ManualSegment segment, CancellationToken cancellationToken = default);
}
