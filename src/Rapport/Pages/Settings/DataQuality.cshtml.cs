using Rapport.Application.Sources;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Duplicates;
using Rapport.Hub.Sources;
using Rapport.Web.Integration;

namespace Rapport.Pages.Settings;

/// <summary>Settings → Data quality: records that are probably one entity under different ids, merge and undo.</summary>
internal sealed class DataQualityModel(IDuplicateStore duplicateStore, SourcePrecedences precedences) : PageModel
{
    public IReadOnlyList<DuplicateCandidate> Duplicates { get; private set; } = [];

    public IReadOnlyList<MergeRecord> Merges { get; private set; } = [];

    public SourcePrecedence Precedence { get; private set; } = SourcePrecedence.Default;

    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task OnPostMergeAsync(string? kind, long keepId, long mergeId, string? evidence, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<RecordKind>(kind, ignoreCase: true, out var parsed))
            (Message, MessageIsError) = ($"'{kind}' is not a kind: account or user.", true);
        else if (await duplicateStore.MergeAsync(parsed, keepId, mergeId, evidence ?? "merged by hand", User.Describe(), cancellationToken) is { } merged)
            Message = $"Merged {kind} {merged.MergedId} into {merged.KeptId}. Undo below restores it exactly.";
        else
            (Message, MessageIsError) = ($"Cannot merge {kind} {mergeId} into {keepId}: both must exist, differ, and not be merged already.", true);
        await LoadAsync(cancellationToken);
    }

    public async Task OnPostUndoAsync(long id, CancellationToken cancellationToken)
    {
        if (await duplicateStore.UndoMergeAsync(id, User.Describe(), cancellationToken) is null)
            (Message, MessageIsError) = ($"Merge {id} does not exist or was undone already.", true);
        else
            Message = $"Merge {id} undone.";
        await LoadAsync(cancellationToken);
    }

    /// <summary>One select per unified field, naming the source that comes first; the others follow.</summary>
    public async Task OnPostPrecedenceAsync(CancellationToken cancellationToken)
    {
        var fields = SourcePrecedence.UnifiedFields.ToDictionary(f => f, f => (IReadOnlyList<string>)[.. Request.Form[f].OfType<string>()]);
        if (SourcePrecedence.Validate(fields) is { } problem)
        {
            (Message, MessageIsError) = (problem, true);
        }
        else
        {
            await precedences.SetAsync(new SourcePrecedence(fields), cancellationToken);
            Message = "Source precedence saved; account names follow it now, the account model at its next recompute.";
        }

        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Precedence = await precedences.GetAsync(cancellationToken);
        Duplicates = await duplicateStore.FindDuplicatesAsync(cancellationToken);
        Merges = await duplicateStore.ListMergesAsync(50, cancellationToken);
    }
}
