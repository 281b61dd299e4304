using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Segment;
using Rapport.Hub.Storage;
using Rapport.Sync.Segment;

namespace Rapport.Pages.Settings.Integrations;

/// <summary>Settings → Integrations → Segment: the write key (rotatable), the ingest URL, inbox counts and event de-duplication.</summary>
internal sealed class SegmentModel(IHubStore store, SegmentWriteKey key) : PageModel
{
    public string WriteKey { get; private set; } = "";

    public SegmentInboxCounts Counts { get; private set; } = null!;

    public EventDedupSettings Dedup { get; private set; } = null!;

    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task OnPostRotateAsync(CancellationToken cancellationToken)
    {
        await key.RotateAsync(cancellationToken);
        Message = "A new write key is in force: the old one is refused from now on. Update it in Segment.";
        await LoadAsync(cancellationToken);
    }

    public async Task OnPostDedupAsync(string? on, int? windowSeconds, CancellationToken cancellationToken)
    {
        var enable = on == "on";
        if (enable && EventDedupSettings.Validate(windowSeconds) is { } problem)
        {
            (Message, MessageIsError) = (problem, true);
        }
        else
        {
            await new EventDedupSettings(enable, enable ? TimeSpan.FromSeconds(windowSeconds!.Value) : EventDedupSettings.DefaultWindow).SaveAsync(store, cancellationToken);
            Message = enable ? $"Cross-source de-duplication is on with a {windowSeconds} s window." : "Cross-source de-duplication is off.";
        }

        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        WriteKey = await key.GetAsync(cancellationToken);
        Counts = await store.CountSegmentInboxAsync(cancellationToken);
        Dedup = await EventDedupSettings.LoadAsync(store, cancellationToken);
    }
}
