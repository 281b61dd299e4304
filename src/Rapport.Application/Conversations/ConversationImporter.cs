using System.Globalization;
using System.Text.Json;
using Rapport.Hub.Conversations;
using Rapport.Hub.Storage;
using Rapport.Intercom;
using Rapport.Application.Import;
using Rapport.Hub.Messaging;
using Rapport.Hub.Sync;

namespace Rapport.Application.Conversations;

/// <summary>
/// Brings Intercom conversations into the hub with their parts: every conversation on the first run,
/// then those updated since the last run started (less <see cref="ConversationImportOptions.Overlap"/>). Tickets and
/// Intercom's own emails and posts are left out and counted. Each page is one batch, saved with its checkpoint.
/// </summary>
public sealed partial class ConversationImporter(
    IntercomClient intercom, IConversationStore conversationStore, IOutboundStore outboundStore, ISyncStateStore syncState, ConversationImportOptions options, TimeProvider timeProvider)
{
    internal const string StateKey = "intercom.conversations.state";
    internal const string LastStartedKey = "intercom.conversations.last_started_at";

    private readonly ConversationAttacher _attacher = new(intercom, conversationStore, syncState, options.AttachByContact);

    public async Task<ConversationImportSummary> RunAsync(IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var state = await LoadStateAsync(cancellationToken).ConfigureAwait(false) ?? await NewStateAsync(cancellationToken).ConfigureAwait(false);
        options.StartedByRapport = new HashSet<string>(
            options.StartedByRapport.Concat(await outboundStore.ListConversationsStartedByRapportAsync(cancellationToken).ConfigureAwait(false)), StringComparer.Ordinal);
        var pages = state.Since is { } since
            ? intercom.SearchConversationsAsync(since, state.Cursor, cancellationToken: cancellationToken)
            : intercom.ListConversationsAsync(state.Cursor, cancellationToken: cancellationToken);

        await foreach (var page in pages.Prefetch(1, cancellationToken).ConfigureAwait(false))
        {
            state = await ImportPageAsync(state, page, cancellationToken).ConfigureAwait(false);
            progress?.Report(new ImportProgress("conversations", state.Seen, page.TotalCount, intercom.Statistics.RequestsSent));
        }

        // The next run reads what changed since this one started, so nothing updated while it ran is missed.
        await syncState.SetSyncStateAsync(LastStartedKey, state.StartedAt.ToString("O", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        await syncState.SetSyncStateAsync(StateKey, null, cancellationToken).ConfigureAwait(false);
        return new ConversationImportSummary(
            state.Seen, state.Stored, state.Stale, state.Excluded, state.Unattached, state.AmbiguousEmails, state.PartsStored, state.BotParts, state.Truncated);
    }

    private async Task<ConversationRunState> ImportPageAsync(
        ConversationRunState state, IntercomPage<IntercomConversation> page, CancellationToken cancellationToken)
    {
        var excluded = new List<ExcludedConversation>();
        var keptIds = new List<string>();
        foreach (var item in page.Items)
        {
            if (ConversationExclusion.KindOf(item, options.StartedByRapport) is { } kind)
                excluded.Add(new ExcludedConversation(ConversationMapping.Source, item.Id, kind, item.UpdatedAt));
            else
                keptIds.Add(item.Id);
        }

        var kept = await ConversationReads.FetchAsync(intercom, keptIds, options.FetchConcurrency, cancellationToken).ConfigureAwait(false);
        var attached = await _attacher.AttachAsync(kept, cancellationToken).ConfigureAwait(false);
        var batch = kept.Select(c => ConversationMapping.ToSource(c, attached.Users[c.Id])).ToList();

        var counts = new Dictionary<string, int>(state.Excluded, StringComparer.Ordinal);
        foreach (var e in excluded)
            counts[e.Kind] = counts.GetValueOrDefault(e.Kind) + 1;
        var next = state with
        {
            Cursor = page.NextCursor,
            Seen = state.Seen + page.Items.Count,
            Excluded = counts,
            Unattached = state.Unattached + batch.Count(c => c.UserExternalIds.Count == 0),
            AmbiguousEmails = [.. state.AmbiguousEmails.Union(attached.Ambiguous, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            BotParts = state.BotParts + batch.Sum(c => c.Parts.Count(p => p.AuthorKind == "bot")),
        };
        // The batch's own result (written, stale, parts added, still truncated) is known only after its transaction: a crash
        // right after it keeps the data and the cursor and loses only those counts for this page.
        var result = await conversationStore.ApplyConversationsAsync(batch, excluded, new SyncCheckpoint(StateKey, Serialize(next)), cancellationToken).ConfigureAwait(false);
        // Truncated once stored: a conversation whose older parts were kept from earlier reads is complete however few Intercom returns.
        var truncated = batch.Any(c => c.PartsTruncated)
            ? (await conversationStore.TallyConversationPartsAsync(ConversationMapping.Source, [.. batch.Where(c => c.PartsTruncated).Select(c => c.SourceId)], cancellationToken)
                .ConfigureAwait(false)).Values.Count(t => t.PartsTruncated)
            : 0;
        next = next with
        {
            Stored = state.Stored + result.Written,
            Stale = state.Stale + result.Stale + result.Unchanged,
            PartsStored = state.PartsStored + result.PartsAdded,
            Truncated = state.Truncated + truncated,
        };
        await syncState.SetSyncStateAsync(StateKey, Serialize(next), cancellationToken).ConfigureAwait(false);
        return next;
    }

    private async Task<ConversationRunState?> LoadStateAsync(CancellationToken cancellationToken)
    {
        var json = await syncState.GetSyncStateAsync(StateKey, cancellationToken).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize(json, ConversationJsonContext.Default.ConversationRunState);
    }

    private async Task<ConversationRunState> NewStateAsync(CancellationToken cancellationToken)
    {
        var last = await syncState.GetSyncStateAsync(LastStartedKey, cancellationToken).ConfigureAwait(false);
        DateTimeOffset? since = last is null ? null : DateTimeOffset.Parse(last, CultureInfo.InvariantCulture) - options.Overlap;
        return new ConversationRunState(timeProvider.GetUtcNow(), since, null, 0, 0, 0, new(StringComparer.Ordinal), 0, [], 0, 0, 0);
    }

    private static string Serialize(ConversationRunState state) =>
        JsonSerializer.Serialize(state, ConversationJsonContext.Default.ConversationRunState);
}
