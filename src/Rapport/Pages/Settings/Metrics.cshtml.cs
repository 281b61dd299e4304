using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Model;
using Rapport.Application.Model;
using Rapport.Web.Audit;
using Rapport.Web.Integration;

namespace Rapport.Pages.Settings;

/// <summary>
/// Settings → Metrics: the definitions document in a textarea and a read-only summary of what it defines. Save validates
/// the whole document and tries it on every account first; with a problem nothing is saved and the text stays as typed.
/// </summary>
internal sealed class MetricsModel(AccountModelService model, IAuditLog audit) : PageModel
{
    public StoredDefinitions? Stored { get; private set; }

    /// <summary>The definitions in force, for the summary; null before the first save.</summary>
    public ModelDefinitions? Definitions { get; private set; }

    public string Document { get; private set; } = "";

    public IReadOnlyList<ModelProblem> Problems { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Document = Stored?.Json ?? Empty;
    }

    public async Task OnPostAsync(string? document, CancellationToken cancellationToken)
    {
        var result = await model.SaveDocumentAsync(document ?? "", null, User.Describe(), cancellationToken: cancellationToken);
        await LoadAsync(cancellationToken);
        if (result.Saved is { } saved)
        {
            await audit.RecordAsync(AuditActions.ModelSaved, null, $"version {saved.Version}");
            Message = $"Saved as version {saved.Version}; {result.AccountsComputed:N0} accounts recomputed.";
            Document = saved.Json;
        }
        else
        {
            Problems = result.Problems;
            Document = document ?? "";
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var (stored, loaded) = await model.LoadAsync(cancellationToken);
        Stored = stored;
        Definitions = loaded?.Model?.Definitions;
    }

    private const string Empty = "{\n  \"elements\": [],\n  \"metrics\": [],\n  \"indicators\": [],\n  \"segments\": [],\n  \"healthScores\": []\n}";
}
