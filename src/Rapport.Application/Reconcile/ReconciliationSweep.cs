using System.Text.Json;
using Rapport.Intercom;
using Rapport.Application.Conversations;
using Rapport.Application.Import;
using Rapport.Application.Settings;
using Rapport.Hub.Sync;
using Rapport.Hub.Conversations;
using Rapport.Hub.Messaging;
using Rapport.Hub.Sources;

namespace Rapport.Application.Reconcile;

/// <summary>
/// Webhooks give freshness, the sweep gives completeness: on a timer and on demand it reads what changed
/// in Intercom since the last checkpoint and applies it through the import's own path — companies by scroll (Intercom
/// has no company search; unchanged ones write nothing), contacts by a search on <c>updated_at</c> since the last import
/// less a day, conversations by a search since the last conversations run. What that writes was newer in Intercom than
/// in the hub, or absent from it: changes the webhooks missed. The last result and the running total are kept in sync state.
/// </summary>
public sealed class ReconciliationSweep(
    IntercomClient intercom, ISourceStore sourceStore, IConversationStore conversationStore, IOutboundStore outboundStore, ISyncStateStore store,
    TimeProvider timeProvider)
{
    public const string LastKey = "intercom.sweep.last";
    public const string TotalsKey = "intercom.sweep.totals";

    public const string OptionOneOff = "Companies and users are not imported (Import users and companies is off): conversations only.";
    public const string NotEnabled = "Companies and users: Import users and companies is not enabled yet (the pre-enable check has not passed).";
    public const string FirstImport = "first import, nothing to compare with yet";

    /// <summary>How long the sweep's import waits out Intercom's failures on one request (<see cref="ImportOptions.Patience"/>).</summary>
    public TimeSpan ImportPatience { get; init; } = ImportOptions.DefaultPatience;

    public async Task<SweepResult> RunAsync(string trigger, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var startedAt = timeProvider.GetUtcNow();
        var callsAtStart = intercom.Statistics.RequestsSent;
        var notes = new List<string>();
        var (missed, read) = (SweepCounts.None, SweepCounts.None);
        try
        {
            var settings = await IntercomIntegrationSettings.LoadAsync(store, cancellationToken).ConfigureAwait(false);
            if (!settings.ImportUsersAndCompanies)
                notes.Add(OptionOneOff);
            else if (await store.GetSyncStateAsync(IntercomIntegrationSettings.EnabledKey, cancellationToken).ConfigureAwait(false) is null)
                notes.Add(NotEnabled);
            else
                (missed, read) = await SweepCompaniesAndUsersAsync(settings, notes, progress, cancellationToken).ConfigureAwait(false);

            (missed, read) = await SweepConversationsAsync(settings, missed, read, notes, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await SaveAsync(Result(error.Message), cancellationToken).ConfigureAwait(false);
            throw;
        }

        var result = Result(null);
        await SaveAsync(result, cancellationToken).ConfigureAwait(false);
        return result;

        SweepResult Result(string? error) => new(
            startedAt, timeProvider.GetUtcNow(), trigger, missed, read, notes, intercom.Statistics.RequestsSent - callsAtStart, error);
    }

    private async Task<(SweepCounts Missed, SweepCounts Read)> SweepCompaniesAndUsersAsync(
        IntercomIntegrationSettings settings, List<string> notes, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var first = await store.GetSyncStateAsync(IntercomImporter.LastCompletedKey, cancellationToken).ConfigureAwait(false) is null;
        var options = settings.ToImportOptions();
        options.Patience = ImportPatience;
        var summary = await new IntercomImporter(intercom, sourceStore, conversationStore, outboundStore, store, options, timeProvider)
            .RunAsync(progress, cancellationToken).ConfigureAwait(false);
        var read = new SweepCounts(summary.Companies.Seen, summary.Users.ContactsSeen, null);
        if (first)
        {
            notes.Add($"Companies and users: {FirstImport}.");
            return (SweepCounts.None, read);
        }

        // Created, rewritten or made inactive (a company deleted, or changed so that it no longer qualifies): an unchanged
        // company writes nothing, so each of these is a change the hub had not received.
        var companies = summary.Companies.Created + summary.Companies.Updated + summary.Companies.Deactivated;
        return (new SweepCounts(companies, summary.ContactsWritten, null), read);
    }

    private async Task<(SweepCounts Missed, SweepCounts Read)> SweepConversationsAsync(
        IntercomIntegrationSettings settings, SweepCounts missed, SweepCounts read, List<string> notes,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var first = await store.GetSyncStateAsync(ConversationImporter.LastStartedKey, cancellationToken).ConfigureAwait(false) is null;
        // With Import users and companies off the integration is conversations only, attached by email.
        var options = new ConversationImportOptions { AttachByContact = settings.ImportUsersAndCompanies };
        var summary = await new ConversationImporter(intercom, conversationStore, outboundStore, store, options, timeProvider).RunAsync(progress, cancellationToken).ConfigureAwait(false);
        read = read with { Conversations = summary.Seen };
        if (first)
        {
            notes.Add($"Conversations: {FirstImport}.");
            return (missed, read);
        }

        return (missed with { Conversations = summary.Stored }, read);
    }

    private async Task SaveAsync(SweepResult result, CancellationToken cancellationToken)
    {
        var totals = (await LoadTotalsAsync(store, cancellationToken).ConfigureAwait(false)).Add(result);
        await store.SetSyncStateAsync(LastKey, JsonSerializer.Serialize(result, SweepJsonContext.Default.SweepResult), cancellationToken).ConfigureAwait(false);
        await store.SetSyncStateAsync(TotalsKey, JsonSerializer.Serialize(totals, SweepJsonContext.Default.SweepTotals), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The last sweep's result, failed or not; null before the first.</summary>
    public static async Task<SweepResult?> LoadLastAsync(ISyncStateStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var json = await store.GetSyncStateAsync(LastKey, cancellationToken).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize(json, SweepJsonContext.Default.SweepResult);
    }

    public static async Task<SweepTotals> LoadTotalsAsync(ISyncStateStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var json = await store.GetSyncStateAsync(TotalsKey, cancellationToken).ConfigureAwait(false);
        return json is null ? SweepTotals.Empty : JsonSerializer.Deserialize(json, SweepJsonContext.Default.SweepTotals) ?? SweepTotals.Empty;
    }
}
