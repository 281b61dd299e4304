using System.Text.Json;
using Rapport.Intercom;
using Rapport.Application.Conversations;
using Rapport.Hub.Sources;
using Rapport.Hub.Sync;
using Rapport.Hub.Conversations;
using Rapport.Hub.Messaging;

namespace Rapport.Application.Import;

/// <summary>
/// Imports an Intercom workspace's companies and users into the hub (the "Import users and companies" setting): only
/// qualifying companies, users only through them. Resumable after a crash, incremental when run again.
/// </summary>
public sealed partial class IntercomImporter(
    IntercomClient intercom, ISourceStore sourceStore, IConversationStore conversationStore, IOutboundStore outboundStore, ISyncStateStore syncState, ImportOptions options, TimeProvider timeProvider)
{
    internal const string StateKey = "intercom.import.state";
    internal const string LastCompletedKey = "intercom.import.last_completed_at";

    /// <summary>When the last full pass started: the sweep completes an incremental import every few minutes, and only a
    /// full pass notices contacts that left Intercom without a webhook, so the full cadence is counted from here.</summary>
    internal const string LastFullKey = "intercom.import.last_full_at";

    private readonly CompanyQualifier _qualifier = new(options, timeProvider);

    private readonly ContactCompleter _completer = new(options.MembershipLookupConcurrency);

    // Every call of the run, conversations included, waits out Intercom's failures for the run's patience.
    private readonly IntercomClient _intercom = intercom.WithRetryPatience(options.Patience);

    public async Task<ImportSummary> RunAsync(IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = timeProvider.GetTimestamp();
        var saved = await LoadStateAsync(cancellationToken).ConfigureAwait(false);
        var state = saved ?? await NewStateAsync(cancellationToken).ConfigureAwait(false);

        // Calls made by the crashed processes this run resumes, plus this process's own since it started.
        var (priorCalls, priorThrottled) = (state.ApiCalls, state.RateLimited);
        var (callsAtStart, throttledAtStart) = (_intercom.Statistics.RequestsSent, _intercom.Statistics.RateLimited);
        var cost = new ImportCost(
            () => priorCalls + _intercom.Statistics.RequestsSent - callsAtStart,
            () => priorThrottled + _intercom.Statistics.RateLimited - throttledAtStart);

        if (state.Phase == ImportRunState.CompaniesPhase)
        {
            var companies = await ImportCompaniesAsync(state, progress, cancellationToken).ConfigureAwait(false);
            state = cost.Stamp(state with { Phase = ImportRunState.ContactsPhase, Companies = companies });
            await syncState.SetSyncStateAsync(StateKey, Serialize(state), cancellationToken).ConfigureAwait(false);
        }

        state = await ImportContactsAsync(state, cost, progress, cancellationToken).ConfigureAwait(false);
        // After a complete pass, contacts the pass did not see are gone from Intercom (or became leads). Idempotent, so it
        // runs on every full run that gets here, including one resumed after the last contact batch was saved.
        if (!state.Incremental)
            await sourceStore.ForgetUnseenContactsAsync(IntercomSource.Name, state.RunId, cancellationToken).ConfigureAwait(false);
        state = await ImportSegmentsAsync(state, cost, progress, cancellationToken).ConfigureAwait(false);

        progress?.Report(new ImportProgress("users", 0, null, cost.Calls()));
        var users = await sourceStore.DeriveUsersAsync(IntercomSource.Name, cancellationToken).ConfigureAwait(false);
        // After the users, so that conversations attach to the users this run brought in; its own checkpoint resumes it.
        var conversations = options.Conversations
            ? await new ConversationImporter(_intercom, conversationStore, outboundStore, syncState, options.ConversationOptions, timeProvider).RunAsync(progress, cancellationToken).ConfigureAwait(false)
            : null;

        var summary = new ImportSummary
        {
            RunId = state.RunId,
            Incremental = state.Incremental,
            Resumed = saved is not null,
            Companies = state.Companies!,
            Users = new UserCounts(
                state.ContactsSeen, users.Active, users.Created, users.Updated, users.Deactivated, users.Memberships,
                SkippedUsers(state, users)),
            Conversations = conversations,
            ApiCalls = cost.Calls(),
            ContactsWritten = state.ContactsWritten,
            RateLimitedResponses = cost.RateLimited(),
            Elapsed = timeProvider.GetElapsedTime(started),
        };
        await FinishAsync(state, summary, cancellationToken).ConfigureAwait(false);
        return summary;
    }

    private static Dictionary<string, int> SkippedUsers(ImportRunState state, UserDerivation users)
    {
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        if (state.Leads > 0) skipped["lead"] = state.Leads;
        if (users.SkippedWithoutExternalId > 0) skipped["missing user_id"] = users.SkippedWithoutExternalId;
        if (users.SkippedWithoutCompany > 0) skipped["in no imported company"] = users.SkippedWithoutCompany;
        return skipped;
    }

    private async Task<ImportRunState?> LoadStateAsync(CancellationToken cancellationToken)
    {
        var json = await syncState.GetSyncStateAsync(StateKey, cancellationToken).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize(json, SyncJsonContext.Default.ImportRunState);
    }

    private async Task<ImportRunState> NewStateAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        // Written with the last completed run's key, so it implies there was one.
        var lastFull = await syncState.GetSyncStateAsync(LastFullKey, cancellationToken).ConfigureAwait(false);
        var incremental = !options.Full
            && lastFull is not null
            && DateTimeOffset.Parse(lastFull, System.Globalization.CultureInfo.InvariantCulture) is var last
            && now - last < options.FullImportEvery;
        return new ImportRunState(
            Guid.CreateVersion7(now).ToString("N"), now, incremental, ImportRunState.CompaniesPhase, null, null, 0, 0, 0, 0);
    }

    private async Task FinishAsync(ImportRunState state, ImportSummary summary, CancellationToken cancellationToken)
    {
        var summaryJson = JsonSerializer.Serialize(summary, SyncJsonContext.Default.ImportSummary);
        await syncState.RecordImportRunAsync(
            new ImportRunRecord(state.RunId, state.StartedAt, timeProvider.GetUtcNow(), "completed", summaryJson),
            cancellationToken).ConfigureAwait(false);
        // The next incremental import reads what changed since this one started, so nothing updated during it is missed.
        await syncState.SetSyncStateAsync(LastCompletedKey, state.StartedAt.ToString("O"), cancellationToken).ConfigureAwait(false);
        if (!state.Incremental)
            await syncState.SetSyncStateAsync(LastFullKey, state.StartedAt.ToString("O"), cancellationToken).ConfigureAwait(false);
        await syncState.SetSyncStateAsync(StateKey, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the run has cost so far in API calls, across resumes; stamped on every checkpoint.</summary>
    private sealed record ImportCost(Func<long> Calls, Func<long> RateLimited)
    {
        public ImportRunState Stamp(ImportRunState state) => state with { ApiCalls = Calls(), RateLimited = RateLimited() };
    }

    private static string Serialize(ImportRunState state) => JsonSerializer.Serialize(state, SyncJsonContext.Default.ImportRunState);
}
