using Rapport.Hub.Accounts;
using Rapport.Hub.Model;

namespace Rapport.Application.Model;

/// <summary>What the account pages show of the model: an account's computed state and overrides, the definitions saved.</summary>
public sealed partial class AccountModelService
{
    /// <summary>The account's state as last computed, or null before its first recompute.</summary>
    public async Task<AccountState?> GetStateAsync(long accountId, CancellationToken cancellationToken = default) =>
        (await modelStore.GetAccountStatesAsync([accountId], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(accountId);

    public Task<AccountOverrides> GetOverridesAsync(long accountId, CancellationToken cancellationToken = default) =>
        modelStore.GetAccountOverridesAsync(new AccountId(accountId), cancellationToken);

    /// <summary>The definitions last saved, whether or not they still validate; null when none were.</summary>
    public Task<StoredDefinitions?> GetDefinitionsAsync(CancellationToken cancellationToken = default) =>
        modelStore.GetModelDefinitionsAsync(cancellationToken);
}
