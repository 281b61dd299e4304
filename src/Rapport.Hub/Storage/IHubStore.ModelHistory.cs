using Rapport.Hub.Model;

namespace Rapport.Hub.Storage;

/// <summary>
/// The account model over time: each account's values per UTC day (written with its state by
/// <see cref="SaveAccountStatesAsync"/>), and the definitions saved versions dropped, for the push.
/// </summary>
public partial interface IHubStore
{
    /// <summary>
    /// Keeps <paramref name="json"/> as the next version and, in the same transaction, what it dropped from the version
    /// before: both are kept, or neither.
    /// </summary>
    Task<StoredDefinitions> SaveModelDefinitionsAsync(
        string json, string savedBy, IReadOnlyList<DefinitionRetirement> retired, CancellationToken cancellationToken = default);

    /// <summary>
    /// Definitions dropped by versions after <paramref name="afterVersion"/> (0 for all), oldest first: a push that last
    /// ran under version N asks for what was retired since N.
    /// </summary>
    Task<IReadOnlyList<RetiredDefinition>> ListRetiredDefinitionsAsync(int afterVersion, CancellationToken cancellationToken = default);

    /// <summary>The account's days from <paramref name="since"/> on, oldest first, names as they were stored that day.</summary>
    Task<IReadOnlyList<AccountHistoryDay>> GetAccountHistoryAsync(long accountId, DateOnly since, CancellationToken cancellationToken = default);
}
