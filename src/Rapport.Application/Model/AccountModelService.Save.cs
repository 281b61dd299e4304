using Rapport.Hub.Model;
using Rapport.Hub.Accounts;
using Rapport.Hub.Playbooks;

namespace Rapport.Application.Model;

/// <summary>What saving a definitions document did: the version it became, or every problem that kept it from being saved.</summary>
public sealed record ModelSaveResult(StoredDefinitions? Saved, IReadOnlyList<ModelProblem> Problems, int AccountsComputed)
{
    public bool Succeeded => Saved is not null;
}

public sealed partial class AccountModelService
{
    /// <summary>
    /// Validates <paramref name="json"/>, then computes every account with it before anything is written: a definition
    /// the accounts' data cannot satisfy (an MRR trait holding text) is refused like a bad rule, naming the definition
    /// and an account. Only then are the document and every account's state saved; otherwise nothing changes.
    /// </summary>
    public async Task<ModelSaveResult> SaveAsync(string json, string savedBy, CancellationToken cancellationToken = default)
    {
        var catalog = await modelStore.ReadModelCatalogAsync(cancellationToken).ConfigureAwait(false);
        var result = AccountModel.Load(json, catalog);
        if (result.Model is not { } model)
            return new ModelSaveResult(null, result.Problems, 0);

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var states = new List<AccountState>();
            var eventNames = ModelEventNames.Of(model);
            await foreach (var page in AccountPagesAsync(cancellationToken).ConfigureAwait(false))
                states.AddRange(await EvaluateAsync(model, eventNames, page, cancellationToken).ConfigureAwait(false));
            var problems = DataProblems(states);
            if (problems.Count > 0)
                return new ModelSaveResult(null, problems, 0);

            var previous = await modelStore.GetModelDefinitionsAsync(cancellationToken).ConfigureAwait(false);
            var retired = DefinitionRetirement.Between(ModelDefinitions.TryRead(previous?.Json), model.Definitions);
            var saved = await modelStore.SaveModelDefinitionsAsync(json, savedBy, retired, cancellationToken).ConfigureAwait(false);
            foreach (var chunk in states.Chunk(Chunk))
                await modelStore.SaveAccountStatesAsync(chunk, saved.Version, cancellationToken).ConfigureAwait(false);
            return new ModelSaveResult(saved, [], states.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    // An owner who left the account is the account's own news, not a fault of the definition: it does not block a save.
    private static List<ModelProblem> DataProblems(List<AccountState> states) =>
        [.. states
            .SelectMany(state => state.Problems.Where(p => p.Definition != "Account owner").Select(problem => (state.AccountId, problem)))
            .GroupBy(p => p.problem.Definition)
            .Select(group =>
            {
                var (account, first) = group.First();
                var accounts = group.Select(p => p.AccountId).Distinct().Count();
                return new ModelProblem(group.Key, accounts == 1
                    ? $"{first.Message} (account {account})"
                    : $"{first.Message} (account {account}, and {accounts - 1} more accounts)");
            })];
}
