using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Playbooks;
using Rapport.Hub.Storage;
using Rapport.Hub.Team;
using Rapport.Web.Playbooks;

namespace Rapport.Pages.Settings;

/// <summary>
/// Settings → Playbooks: the list with on/off, a create and edit form with a preview against a chosen user, the dry run and
/// the audit of one playbook.
/// </summary>
internal sealed partial class PlaybooksModel(IHubStore store, PlaybookService service) : PageModel
{
    public IReadOnlyList<Playbook> Playbooks { get; private set; } = [];

    public IReadOnlyList<Teammate> Teammates { get; private set; } = [];

    /// <summary>The playbook being edited (0: a new one).</summary>
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty]
    public PlaybookForm Form { get; set; } = new();

    /// <summary>The user the preview renders for.</summary>
    [BindProperty]
    public long? PreviewUserId { get; set; }

    public (string? Subject, string? Body)? Preview { get; private set; }

    public IReadOnlyList<DryRunRecipient>? DryRun { get; private set; }

    public IReadOnlyList<PlaybookRun>? Audit { get; private set; }

    public IReadOnlyList<(string Field, string Message)> Problems { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? audit, long? dryRun, CancellationToken cancellationToken)
    {
        if (Id != 0)
        {
            if (await store.GetPlaybookAsync(Id, cancellationToken) is not { } playbook)
                return NotFound();
            Form = PlaybookForm.From(playbook);
        }

        if (audit is { } auditId)
            Audit = await store.ListPlaybookRunsAsync(auditId, 200, cancellationToken);
        if (dryRun is { } dryRunId && await store.GetPlaybookAsync(dryRunId, cancellationToken) is { } dry)
            DryRun = await service.DryRunAsync(dry, 100, cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var outcome = await service.SaveAsync(Id, Form.ToInput(), cancellationToken);
        if (outcome.Playbook is { } saved)
            return RedirectToPage(new { id = saved.Id, saved = 1 });
        Problems = outcome.NotFound ? [("id", $"There is no playbook with id {Id}.")] : outcome.Problems;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        var (playbook, problems) = Form.ToInput().ToPlaybook(Id);
        Problems = problems;
        if (playbook is not null && PreviewUserId is { } userId)
        {
            if (await store.GetUserAsync(userId, cancellationToken) is not { } user)
                Problems = [("previewUserId", $"There is no user with id {userId}.")];
            else if ((Sync.Messaging.MessageTemplate.Problem(playbook.Body) ?? Sync.Messaging.MessageTemplate.Problem(playbook.Subject)) is { } problem)
                Problems = [("body", problem)];
            else
                Preview = await service.RenderAsync(playbook, user, cancellationToken);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(long playbook, bool on, CancellationToken cancellationToken)
    {
        await service.SetEnabledAsync(playbook, on, cancellationToken);
        return RedirectToPage(new { id = (long?)null });
    }

    public async Task<IActionResult> OnPostDeleteAsync(long playbook, CancellationToken cancellationToken)
    {
        await store.DeletePlaybookAsync(playbook, cancellationToken);
        return RedirectToPage(new { id = (long?)null });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Playbooks = await store.ListPlaybooksAsync(cancellationToken);
        Teammates = await store.ListTeammatesAsync(cancellationToken);
        if (Request.Query.ContainsKey("saved"))
            Message = "Playbook saved.";
    }
}
