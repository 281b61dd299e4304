using Rapport.Application.Sync;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Events;
using Rapport.Application.Events;
using Rapport.Application.Settings;
using Rapport.Web.Events;
using Rapport.Web.Integration;

namespace Rapport.Pages.Settings;

/// <summary>Settings → Events: every event name of every source, with its sources, status toggle and counts; purging an ignored name's history, confirmed first.</summary>
internal sealed class EventsModel(IEventStore store, SyncSettings settings) : PageModel
{
    public IReadOnlyList<EventName> Names { get; private set; } = [];

    public bool ImportOn { get; private set; }

    public DateTimeOffset? EnabledAt { get; private set; }

    /// <summary>The ignored name whose purge waits for confirmation.</summary>
    public EventName? ConfirmPurge { get; private set; }

    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    public async Task OnGetAsync(string? purge, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (purge is null)
            return;
        var name = Names.FirstOrDefault(n => n.Name == purge);
        if (name is null)
            Fail($"No event named '{purge}' has been seen.");
        else if (name.Status != EventStatus.Ignored)
            Fail($"'{purge}' is tracked: ignore it first, then purge its history.");
        else
            ConfirmPurge = name;
    }

    public async Task OnPostStatusAsync(string? name, string? status, CancellationToken cancellationToken)
    {
        if (!EventStatuses.TryParse(status, out var parsed))
        {
            Fail($"'{status}' is not a status.");
        }
        else if (await store.SetEventStatusAsync(name ?? "", parsed, User.Describe(), cancellationToken) is { } changed)
        {
            Message = changed.Status == EventStatus.Ignored
                ? $"'{changed.Name}' is ignored: its new events are dropped and only counted."
                : $"'{changed.Name}' is tracked: its new events are stored.";
        }
        else
        {
            Fail($"No event named '{name}' has been seen.");
        }

        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPurgeAsync(string? name, string? confirm, CancellationToken cancellationToken)
    {
        if (confirm != "yes")
            return RedirectToPage(new { purge = name });
        var purged = await store.PurgeEventsAsync(name ?? "", cancellationToken);
        if (purged is null)
            Fail($"'{name}' was not purged: only an ignored name's history can be.");
        else
            Message = $"Purged {purged:N0} stored events of '{name}'.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Names = await store.ListEventNamesAsync(cancellationToken);
        ImportOn = EventImport.IsOn(await settings.IntercomAsync(cancellationToken));
        EnabledAt = ImportOn ? await settings.EventImportEnabledAtAsync(cancellationToken) : null;
    }

    private void Fail(string message) => (Message, MessageIsError) = (message, true);
}
