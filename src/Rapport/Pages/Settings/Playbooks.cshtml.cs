using Rapport.Application.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Playbooks;
using Rapport.Hub.Team;
using Rapport.Web.Playbooks;
using Rapport.Hub.Accounts;

namespace Rapport.Pages.Settings;

/// <summary>
/// Settings → Playbooks: the list with on/off, a create and edit form with a preview against a chosen user, the dry run and
/// the audit of one playbook.
/// </summary>
internal sealed partial class PlaybooksModel(IPlaybookStore playbookStore, ITeamStore teamStore, AccountDirectory accounts, PlaybookService service) : PageModel
{
    public IReadOnlyList<Playbook> Playbooks { get; private set; } = [];

    public IReadOnlyList<Teammate> Teammates { get; private set; } = [];

    /// <summary>The playbook being edited (0: a new one).</summary>
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty]
    public PlaybookForm Form { get; set; } = new();

    /// <summary>The user the preview renders for: an email, a name, an external id or an internal id.</summary>
    [BindProperty]
    public string? PreviewUser { get; set; }

    public (string? Subject, string? Body)? Preview { get; private set; }

    /// <summary>Who the preview was rendered for, as the page names them.</summary>
    public string? PreviewFor { get; private set; }

    /// <summary>Users the preview box suggests: those matching what was typed, else the first by name.</summary>
    public IReadOnlyList<UserRow> UserChoices { get; private set; } = [];

    public PlaybookTriggerNames TriggerNames { get; private set; } = new([], [], [], []);

    public IReadOnlyList<DryRunRecipient>? DryRun { get; private set; }

    public IReadOnlyList<PlaybookRun>? Audit { get; private set; }

    public IReadOnlyList<(string Field, string Message)> Problems { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? audit, long? dryRun, CancellationToken cancellationToken)
    {
        if (Id != 0)
        {
            if (await playbookStore.GetPlaybookAsync(Id, cancellationToken) is not { } playbook)
                return NotFound();
            Form = PlaybookForm.From(playbook);
        }

        if (audit is { } auditId)
            Audit = await playbookStore.ListPlaybookRunsAsync(auditId, 200, cancellationToken);
        if (dryRun is { } dryRunId && await playbookStore.GetPlaybookAsync(dryRunId, cancellationToken) is { } dry)
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
        if (playbook is not null && PreviewUser?.Trim() is { Length: > 0 } wanted)
        {
            var (user, matches) = await PreviewRecipients.FindAsync(accounts, wanted, cancellationToken);
            UserChoices = matches;
            if (user is null)
            {
                Problems = [("previewUser", NoSingleUser(wanted, matches))];
            }
            else if ((Application.Messaging.MessageTemplate.Problem(playbook.Body) ?? Application.Messaging.MessageTemplate.Problem(playbook.Subject)) is { } problem)
            {
                Problems = [("body", problem)];
            }
            else
            {
                Preview = await service.RenderAsync(playbook, user, cancellationToken);
                PreviewFor = user.Email is null ? user.Name ?? user.ExternalId : $"{user.Name ?? user.ExternalId} ({user.Email})";
            }
        }
        else if (playbook is not null)
        {
            Problems = [("previewUser", "Type the email, name or id of the user to preview the message for.")];
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
        await playbookStore.DeletePlaybookAsync(playbook, cancellationToken);
        return RedirectToPage(new { id = (long?)null });
    }

    private static string NoSingleUser(string wanted, IReadOnlyList<UserRow> matches) => matches.Count switch
    {
        0 => $"No user matches '{wanted}': type an email, a name or an id.",
        _ => $"{(matches.Count >= PreviewRecipients.Suggestions ? "Many" : matches.Count)} users match '{wanted}': pick one from the list "
            + $"({string.Join(", ", matches.Take(5).Select(u => u.Email ?? u.Name ?? u.ExternalId))}{(matches.Count > 5 ? ", …" : "")}).",
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Playbooks = await playbookStore.ListPlaybooksAsync(cancellationToken);
        Teammates = await teamStore.ListTeammatesAsync(cancellationToken);
        TriggerNames = await service.TriggerNamesAsync(cancellationToken);
        if (UserChoices.Count == 0)
            UserChoices = await PreviewRecipients.FirstAsync(accounts, cancellationToken);
        if (Request.Query.ContainsKey("saved"))
            Message = "Playbook saved.";
    }
}
