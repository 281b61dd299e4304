using Rapport.Hub.Sources;
using Rapport.Intercom;
using Rapport.Hub.Sync;

namespace Rapport.Application.Import;

public sealed partial class IntercomImporter
{
    /// <summary>
    /// Reads which users are in which segment and gives every mirrored contact exactly those segment names. The contact
    /// object has no segments and <c>GET /contacts/{id}/segments</c> costs a call per contact, so this lists the
    /// segments once and searches each user segment's members instead, ≈ Σ members / 150 calls (Intercom's API
    /// reference, "Search contacts",
    /// https://developers.intercom.com/docs/references/rest-api/api.intercom.io/contacts/searchcontacts). Intercom
    /// cannot say whose membership changed since a date, so incremental imports pay the same price; in return the phase
    /// is idempotent, and a resumed import simply runs it again.
    /// </summary>
    private async Task<ImportRunState> ImportSegmentsAsync(
        ImportRunState state, ImportCost cost, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (state.Phase != ImportRunState.SegmentsPhase)
            return state;

        // Lead segments (person_type "contact") hold no users; only leads, which the hub never imports.
        var segments = (await _intercom.ListSegmentsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            .Where(s => s.PersonType is null or "user")
            .ToList();
        progress?.Report(new ImportProgress("segments", 0, segments.Count, cost.Calls()));

        var membership = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var done = 0;
        foreach (var segment in segments)
        {
            var name = segment.Name ?? segment.Id;
            var query = IntercomSearchQuery.Filter("segment_id", "=", segment.Id);
            await foreach (var page in _intercom.SearchContactsAsync(query, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                foreach (var contact in page.Items)
                {
                    if (!membership.TryGetValue(contact.Id, out var names))
                        membership[contact.Id] = names = [];
                    names.Add(name);
                }
            }

            progress?.Report(new ImportProgress("segments", ++done, segments.Count, cost.Calls()));
        }

        await sourceStore.ReplaceContactSegmentsAsync(
            IntercomSource.Name,
            membership.ToDictionary(m => m.Key, IReadOnlyList<string> (m) => m.Value, StringComparer.Ordinal),
            cancellationToken).ConfigureAwait(false);

        state = cost.Stamp(state with { Phase = ImportRunState.UsersPhase });
        await syncState.SetSyncStateAsync(StateKey, Serialize(state), cancellationToken).ConfigureAwait(false);
        return state;
    }
}
