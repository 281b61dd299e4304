using Rapport.Hub.Model;
using Rapport.Hub.Accounts;
using Rapport.Hub.Playbooks;

namespace Rapport.Application.Model;

/// <summary>
/// Keeps every account's state in step with the definitions in force: one account after a webhook touched it, every
/// account after definitions are saved, after an import and on a schedule (rolling windows move with the clock).
/// One recompute at a time, so a save never interleaves with a recompute under the old definitions.
/// </summary>
public sealed partial class AccountModelService(IBrowseStore browseStore, IModelStore modelStore, IPlaybookStore playbookStore, TimeProvider timeProvider)
{
    /// <summary>Accounts per round: inputs, previous states and new states are read and written this many at a time.</summary>
    public const int Chunk = 500;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The definitions in force and their model; the model is null when none were saved or they no longer validate.</summary>
    public async Task<(StoredDefinitions? Stored, ModelLoadResult? Result)> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (await modelStore.GetModelDefinitionsAsync(cancellationToken).ConfigureAwait(false) is not { } stored)
            return (null, null);
        var catalog = await modelStore.ReadModelCatalogAsync(cancellationToken).ConfigureAwait(false);
        return (stored, AccountModel.LoadSaved(stored.Json, catalog));
    }

    /// <summary>Recomputes <paramref name="accountIds"/> only; returns how many states were written.</summary>
    public async Task<int> RecomputeAsync(IReadOnlyCollection<long> accountIds, CancellationToken cancellationToken = default) =>
        (await RecomputeAsync(accountIds, null, cancellationToken).ConfigureAwait(false)).Written;

    /// <summary>Recomputes every account, in keyset pages of <see cref="Chunk"/>.</summary>
    public async Task<int> RecomputeAllAsync(CancellationToken cancellationToken = default)
    {
        var written = 0;
        LoadedModel? loaded = null;
        await foreach (var page in AccountPagesAsync(cancellationToken).ConfigureAwait(false))
        {
            int count;
            (count, loaded) = await RecomputeAsync(page, loaded, cancellationToken).ConfigureAwait(false);
            written += count;
        }

        return written;
    }

    /// <summary>A validated model and the event names it reads, for the definitions version it came from.</summary>
    private sealed record LoadedModel(StoredDefinitions Stored, AccountModel Model, IReadOnlyCollection<string> EventNames);

    /// <param name="loaded">The model a previous page of the same pass used: kept while the definitions version is the
    /// same (each page takes the gate on its own, so a save may come between two pages), which spares re-reading the
    /// catalog and re-validating for every page.</param>
    private async Task<(int Written, LoadedModel? Loaded)> RecomputeAsync(
        IReadOnlyCollection<long> accountIds, LoadedModel? loaded, CancellationToken cancellationToken)
    {
        if (accountIds.Count == 0)
            return (0, loaded);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (loaded is null || (await modelStore.GetModelDefinitionsAsync(cancellationToken).ConfigureAwait(false))?.Version != loaded.Stored.Version)
            {
                var (stored, result) = await LoadAsync(cancellationToken).ConfigureAwait(false);
                loaded = stored is not null && result?.Model is { } model ? new LoadedModel(stored, model, ModelEventNames.Of(model)) : null;
            }

            if (loaded is null)
                return (0, null);
            var written = 0;
            foreach (var chunk in accountIds.Chunk(Chunk))
            {
                var states = await EvaluateAsync(loaded.Model, loaded.EventNames, chunk, cancellationToken).ConfigureAwait(false);
                await modelStore.SaveAccountStatesAsync(states, loaded.Stored.Version, cancellationToken).ConfigureAwait(false);
                written += states.Count;
            }

            return (written, loaded);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyList<AccountState>> EvaluateAsync(
        AccountModel model, IReadOnlyCollection<string> eventNames, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var inputs = await modelStore.LoadAccountInputsAsync(ids, eventNames, cancellationToken).ConfigureAwait(false);
        var previous = await modelStore.GetAccountStatesAsync(ids, cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        IReadOnlyList<AccountState> states = [.. inputs.Select(account => model.Evaluate(account, previous.GetValueOrDefault(account.Id.Value), now))];
        await RecordPlaybookTransitionsAsync(previous, states, cancellationToken).ConfigureAwait(false);
        return states;
    }

    private async IAsyncEnumerable<long[]> AccountPagesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long after = 0;
        while (true)
        {
            var page = await modelStore.ListAccountIdsAsync(after, Chunk, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
                yield break;
            yield return [.. page];
            after = page[^1];
        }
    }
}
