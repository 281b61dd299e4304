using Rapport.Application.Sync;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Segment;
using Rapport.Application.Segment;
using Rapport.Web.Audit;
using Rapport.Web.Segment;

namespace Rapport.Pages.Settings.Integrations;

/// <summary>
/// Settings → Integrations → Segment: the write key (rotatable), the ingest URL, inbox counts, the calls set aside after
/// failing (retry or discard) and event de-duplication.
/// </summary>
internal sealed class SegmentModel(ISegmentStore store, SyncSettings settings, SegmentWriteKey key, SegmentInboxAppender appender, IAuditLog audit) : PageModel
{
    private const int SetAsideShown = 100;

    public string WriteKey { get; private set; } = "";

    public SegmentInboxCounts Counts { get; private set; } = null!;

    public EventDedupSettings Dedup { get; private set; } = null!;

    public IReadOnlyList<SetAsideSegmentMessage> SetAside { get; private set; } = [];

    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task OnPostRotateAsync(CancellationToken cancellationToken)
    {
        await key.RotateAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.SegmentKeyRotated);
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
            await settings.SaveEventDedupAsync(new EventDedupSettings(enable, enable ? TimeSpan.FromSeconds(windowSeconds!.Value) : EventDedupSettings.DefaultWindow), cancellationToken);
            Message = enable ? $"Cross-source de-duplication is on with a {windowSeconds} s window." : "Cross-source de-duplication is off.";
        }

        await LoadAsync(cancellationToken);
    }

    /// <param name="id">One call, or all when absent.</param>
    public async Task OnPostRetryAsync(long? id, CancellationToken cancellationToken)
    {
        var retried = await store.RetrySetAsideSegmentMessagesAsync(id, cancellationToken);
        appender.Signal.Wake();
        (Message, MessageIsError) = retried == 0
            ? ("Nothing to retry: the call is no longer set aside.", true)
            : ($"{retried:N0} call(s) back in the inbox, in their original order.", false);
        await LoadAsync(cancellationToken);
    }

    public async Task OnPostDiscardAsync(long id, CancellationToken cancellationToken)
    {
        (Message, MessageIsError) = await store.DiscardSetAsideSegmentMessageAsync(id, cancellationToken)
            ? ($"Call {id} discarded: it will not be applied.", false)
            : ("Nothing to discard: the call is no longer set aside.", true);
        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        WriteKey = await key.GetAsync(cancellationToken);
        Counts = await store.CountSegmentInboxAsync(cancellationToken);
        Dedup = await settings.EventDedupAsync(cancellationToken);
        SetAside = await store.ListSetAsideSegmentMessagesAsync(SetAsideShown, cancellationToken);
    }
}
