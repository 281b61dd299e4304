using Rapport.Hub.Conversations;
using Rapport.Intercom;
using Rapport.Hub.Sync;

namespace Rapport.Application.Conversations;

/// <summary>
/// The completeness audit: compares each stored conversation's parts with Intercom's own count and reads again those that
/// fall short (a webhook that never came, a read interrupted), through the import's path.
/// </summary>
/// <remarks>
/// Intercom's count is <c>statistics.count_conversation_parts</c>, "Total number of conversation parts" (spec 2.16
/// <c>conversation_statistics</c>). The opening message is the conversation's <c>source</c>, not a part, so it is left out of
/// the stored side. The list carries the statistics, so checking costs one call per 150 conversations; only the
/// conversations that fall short cost a read each. A conversation of more than 500 parts whose older parts
/// were never seen stays short after its read: it stays flagged, since Intercom returns only the 500 most recent.
/// </remarks>
public sealed class ConversationAudit(IntercomClient intercom, IConversationStore store, ISyncStateStore syncState, ConversationImportOptions options)
{
    private const int ListedIncomplete = 50;

    public async Task<ConversationAuditResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var attacher = new ConversationAttacher(intercom, store, syncState, options.AttachByContact);
        var (compared, complete, refetched, repaired, partsAdded, notStored) = (0, 0, 0, 0, 0, 0);
        var incomplete = new List<string>();
        await foreach (var page in intercom.ListConversationsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var listed = page.Items.Where(c => ConversationExclusion.KindOf(c, options.StartedByRapport) is null).ToList();
            var stored = await store.TallyConversationPartsAsync(ConversationMapping.Source, [.. listed.Select(c => c.Id)], cancellationToken).ConfigureAwait(false);
            var shortfall = new List<string>();
            foreach (var conversation in listed)
            {
                if (stored.GetValueOrDefault(conversation.Id) is not { Deleted: false } tally)
                {
                    notStored += stored.ContainsKey(conversation.Id) ? 0 : 1;
                    continue;
                }

                compared++;
                if (IsShort(tally, conversation.Statistics?.CountConversationParts))
                    shortfall.Add(conversation.Id);
                else
                    complete++;
            }

            if (shortfall.Count == 0)
                continue;
            var fetched = await ConversationReads.FetchAsync(intercom, shortfall, options.FetchConcurrency, cancellationToken).ConfigureAwait(false);
            var attached = await attacher.AttachAsync(fetched, cancellationToken).ConfigureAwait(false);
            var result = await store.ApplyConversationsAsync(
                [.. fetched.Select(c => ConversationMapping.ToSource(c, attached.Users[c.Id]))], [], cancellationToken: cancellationToken).ConfigureAwait(false);
            refetched += fetched.Count;
            partsAdded += result.PartsAdded;

            var after = await store.TallyConversationPartsAsync(ConversationMapping.Source, [.. fetched.Select(c => c.Id)], cancellationToken).ConfigureAwait(false);
            foreach (var conversation in fetched)
            {
                if (after.GetValueOrDefault(conversation.Id) is { } tally && IsShort(tally, conversation.Statistics?.CountConversationParts))
                {
                    incomplete.Add(conversation.Id);
                }
                else
                {
                    repaired++;
                }
            }
        }

        return new ConversationAuditResult(
            compared, complete, refetched, repaired, refetched - repaired, partsAdded, notStored, [.. incomplete.Take(ListedIncomplete)]);
    }

    private static bool IsShort(ConversationPartTally tally, int? intercomCount) =>
        (intercomCount ?? tally.PartCount) is { } count && tally.StoredParts < count;
}
