using Rapport.Hub.Model;
using Rapport.Hub.Accounts;
using Rapport.Hub.Playbooks;

namespace Rapport.Application.Model;

public sealed partial class AccountModelService
{
    /// <summary>
    /// Saves a definitions document written as JSON or YAML (<paramref name="format"/>, or told from the text): YAML is
    /// read into the JSON it stands for and saved as that, so both mean the same definitions. With
    /// <paramref name="dryRun"/> everything is checked and tried on every account, and nothing is written.
    /// </summary>
    public async Task<ModelSaveResult> SaveDocumentAsync(
        string text, ModelFormat? format, string savedBy, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var document = ModelDocument.Read(text, format);
        if (document.Json is not { } json)
            return new ModelSaveResult(null, document.Problems, 0);
        var result = dryRun
            ? await TryOnEveryAccountAsync(json, cancellationToken).ConfigureAwait(false)
            : await SaveAsync(json, savedBy, cancellationToken).ConfigureAwait(false);
        return result with { Problems = document.Locate(result.Problems) };
    }

    /// <summary>What <see cref="SaveAsync"/> checks, without saving: the problems, and how many accounts would be computed.</summary>
    private async Task<ModelSaveResult> TryOnEveryAccountAsync(string json, CancellationToken cancellationToken)
    {
        var catalog = await modelStore.ReadModelCatalogAsync(cancellationToken).ConfigureAwait(false);
        var result = AccountModel.Load(json, catalog);
        if (result.Model is not { } model)
            return new ModelSaveResult(null, result.Problems, 0);
        var states = new List<AccountState>();
        var eventNames = ModelEventNames.Of(model);
        await foreach (var page in AccountPagesAsync(cancellationToken).ConfigureAwait(false))
            states.AddRange(await EvaluateAsync(model, eventNames, page, cancellationToken).ConfigureAwait(false));
        var problems = DataProblems(states);
        return new ModelSaveResult(null, problems, problems.Count == 0 ? states.Count : 0);
    }

    /// <summary>
    /// <see cref="RecomputeAllAsync(CancellationToken)"/> reporting the accounts done so far after each page, for a command
    /// line that shows progress; null when no valid definitions are saved (nothing to compute).
    /// </summary>
    public async Task<int?> RecomputeAllAsync(IProgress<int> progress, CancellationToken cancellationToken = default)
    {
        if ((await LoadAsync(cancellationToken).ConfigureAwait(false)).Result?.Model is null)
            return null;
        var written = 0;
        LoadedModel? loaded = null;
        await foreach (var page in AccountPagesAsync(cancellationToken).ConfigureAwait(false))
        {
            int count;
            (count, loaded) = await RecomputeAsync(page, loaded, cancellationToken).ConfigureAwait(false);
            written += count;
            progress.Report(written);
        }

        return written;
    }
}
