using System.Globalization;
using Rapport.Hub.Storage;
using Rapport.Intercom;
using Rapport.Hub.Sync;

namespace Rapport.Application.Import;

public sealed partial class IntercomImporter
{
    /// <summary>
    /// Mirrors every contact with role user, with its complete company list, one page per batch, the cursor saved with
    /// the batch. A full import pages through <c>GET /contacts</c> (the cheapest full read); an incremental one searches
    /// for contacts updated since the last import started, less a day, because Intercom's date search matches by day.
    /// </summary>
    private async Task<ImportRunState> ImportContactsAsync(
        ImportRunState state, ImportCost cost, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (state.Phase != ImportRunState.ContactsPhase)
            return state;

        var pages = state.Incremental
            ? _intercom.SearchContactsAsync(
                IntercomSearchQuery.UpdatedAfter(await IncrementalSinceAsync(cancellationToken).ConfigureAwait(false)),
                state.ContactsCursor, cancellationToken)
            : _intercom.ListContactsAsync(state.ContactsCursor, cancellationToken);

        // Nearly every page names tags: the list is read once up front rather than by the first page that needs it.
        await _completer.ReadTagsAsync(_intercom, cancellationToken).ConfigureAwait(false);
        await foreach (var page in pages.Prefetch(2, cancellationToken).ConfigureAwait(false))
        {
            var leads = page.Items.Where(c => c.IsLead).Select(c => c.Id).ToList();
            var users = await _completer.CompleteAsync([.. page.Items.Where(c => !c.IsLead)], _intercom, cancellationToken).ConfigureAwait(false);

            state = cost.Stamp(state with
            {
                // Past the last page there is no cursor: the phase is over, so a resume must not start from the top.
                Phase = page.NextCursor is null ? ImportRunState.SegmentsPhase : ImportRunState.ContactsPhase,
                ContactsCursor = page.NextCursor,
                ContactsSeen = state.ContactsSeen + page.Items.Count,
                Leads = state.Leads + leads.Count,
            });
            // A contact that was a user and became a lead leaves the mirror (a full import also forgets the unseen).
            if (state.Incremental && leads.Count > 0)
                await sourceStore.ForgetContactsAsync(IntercomSource.Name, leads, cancellationToken).ConfigureAwait(false);
            var written = await sourceStore.MirrorContactsAsync(users, state.RunId, new SyncCheckpoint(StateKey, Serialize(state)), cancellationToken).ConfigureAwait(false);
            // Known only after the batch's transaction: the next checkpoint carries it.
            state = state with { ContactsWritten = state.ContactsWritten + written };
            progress?.Report(new ImportProgress("contacts", state.ContactsSeen, page.TotalCount, cost.Calls()));
        }

        // The client yields no empty page, so a search that found nothing (or a last page that still had a cursor) never
        // reached the transition above; the phase is over all the same, and the segments phase must not be skipped.
        if (state.Phase == ImportRunState.ContactsPhase)
        {
            state = cost.Stamp(state with { Phase = ImportRunState.SegmentsPhase, ContactsCursor = null });
            await syncState.SetSyncStateAsync(StateKey, Serialize(state), cancellationToken).ConfigureAwait(false);
        }

        return state;
    }

    private async Task<DateTimeOffset> IncrementalSinceAsync(CancellationToken cancellationToken)
    {
        var lastCompleted = await syncState.GetSyncStateAsync(LastCompletedKey, cancellationToken).ConfigureAwait(false);
        return DateTimeOffset.Parse(lastCompleted!, CultureInfo.InvariantCulture).AddDays(-1);
    }
}
