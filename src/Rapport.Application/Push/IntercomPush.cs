using System.Text.Json;
using Rapport.Intercom;
using Rapport.Application.Settings;
using Rapport.Hub.Model;
using Rapport.Hub.Push;
using Rapport.Hub.Sync;

namespace Rapport.Application.Push;

/// <summary>
/// Writes each account's data onto the Intercom company it was imported from, and the account-owner flag onto its users
/// (the "Update Intercom companies with account data" setting): plan (what changed since the last push) → ensure the
/// data attributes exist → one update per changed company or user, by Intercom id, never the create-or-update call →
/// record each success as it lands. A push stopped halfway (a 429 storm, a crash) resumes without writing anything
/// twice.
/// </summary>
public sealed partial class IntercomPush(IntercomClient client, IModelStore modelStore, IPushStore pushStore, ISyncStateStore syncState, TimeProvider timeProvider)
{
    /// <summary>Accounts read per round while planning.</summary>
    public const int Page = 500;

    /// <summary>Updates in flight at once: enough to spend the rate limit over a slow link, few enough to stay gentle.</summary>
    public const int Parallelism = 4;

    /// <summary>Why a push did not start: another process on this hub (a second <c>serve</c> node, or <c>rapport push</c>) is pushing.</summary>
    public const string ElsewhereRefusal = "A push is already running in another Rapport process on this hub (another server node, or rapport push); try again when it has finished.";

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// Pushes (or, with <paramref name="dryRun"/>, lists what would change without writing anything). A real push needs
    /// "Update Intercom companies with account data" on; its report is kept as the last run.
    /// </summary>
    public async Task<PushReport> RunAsync(bool dryRun, CancellationToken cancellationToken = default) =>
        await RunAsync(dryRun, await PushSettings.LoadAsync(syncState, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>As <see cref="RunAsync(bool, CancellationToken)"/>, with <paramref name="settings"/> instead of the saved ones.</summary>
    public async Task<PushReport> RunAsync(bool dryRun, PushSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var started = timeProvider.GetUtcNow();
        var integration = await IntercomIntegrationSettings.LoadAsync(syncState, cancellationToken).ConfigureAwait(false);
        if (!dryRun && !integration.UpdateCompanies)
            return Refused(started, settings, dryRun, "Update Intercom companies with account data is off: turn it on (it needs Import users and companies) to push.");
        if (!await _gate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
            return Refused(started, settings, dryRun, "A push is already running.");
        IJobHold? hold = null;
        try
        {
            // A dry run writes nothing and may look while another process pushes; a real push is one at a time per hub.
            if (!dryRun && (hold = await syncState.TryHoldJobAsync(HubJob.IntercomPush, cancellationToken).ConfigureAwait(false)) is null)
                return Refused(started, settings, dryRun, ElsewhereRefusal);
            var report = await PushAsync(settings, dryRun, started, cancellationToken).ConfigureAwait(false);
            if (!dryRun)
                await syncState.SetSyncStateAsync(PushReport.StateKey, JsonSerializer.Serialize(report, PushJsonContext.Default.PushReport), cancellationToken).ConfigureAwait(false);
            return report;
        }
        finally
        {
            if (hold is not null)
                await hold.DisposeAsync().ConfigureAwait(false);
            _gate.Release();
        }
    }

    /// <summary>The last real push, or null before the first.</summary>
    public static async Task<PushReport?> LastRunAsync(ISyncStateStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var json = await store.GetSyncStateAsync(PushReport.StateKey, cancellationToken).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize(json, PushJsonContext.Default.PushReport);
    }

    private async Task<PushReport> PushAsync(PushSettings settings, bool dryRun, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var run = new PushRun(settings, dryRun);
        var plan = await PlanAsync(settings, cancellationToken).ConfigureAwait(false);
        run.Problems.AddRange(plan.Problems);
        string? error = null;
        var status = "completed";
        try
        {
            var writes = plan.Companies.Count > 0 || plan.Contacts.Count > 0;
            var stale = await StaleAsync(plan, cancellationToken).ConfigureAwait(false);
            run.Stale.AddRange(stale);
            var archive = settings.ArchiveStale && stale.Count > 0;
            // Nothing to write and nothing to archive: not a single call to Intercom.
            if (writes || (archive && !dryRun))
            {
                var attributes = await AttributesAsync(cancellationToken).ConfigureAwait(false);
                // Archiving first frees room for the attributes this push may have to create.
                if (archive && !dryRun)
                    await ArchiveAsync(stale, attributes, run, cancellationToken).ConfigureAwait(false);
                var refusal = EnsureRoom(plan, attributes, run);
                run.AttributesInUse = attributes.LiveCustom;
                if (refusal is not null)
                    return Report(run, plan, started, "refused", refusal);
                if (dryRun)
                {
                    run.Created.AddRange(plan.Missing);
                    run.AttributesInUse += plan.Missing.Count + plan.ToUnarchive.Count;
                }
                else
                {
                    await CreateAttributesAsync(plan, attributes, run, cancellationToken).ConfigureAwait(false);
                    run.AttributesInUse = attributes.LiveCustom;
                    await WriteCompaniesAsync(plan, run, cancellationToken).ConfigureAwait(false);
                    await WriteContactsAsync(plan, run, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (IntercomException exception) when (exception is not IntercomNotFoundException)
        {
            status = "failed";
            error = $"{exception.Message} The push stopped; every update that landed is recorded, so running it again resumes where it stopped.";
        }

        return Report(run, plan, started, status, error);
    }

    private PushReport Refused(DateTimeOffset started, PushSettings settings, bool dryRun, string error) => new()
    {
        StartedAt = started,
        FinishedAt = timeProvider.GetUtcNow(),
        DryRun = dryRun,
        Status = "refused",
        Error = error,
        Prefix = settings.Prefix,
    };

    private PushReport Report(PushRun run, PushPlan plan, DateTimeOffset started, string status, string? error) => new()
    {
        StartedAt = started,
        FinishedAt = timeProvider.GetUtcNow(),
        DryRun = run.DryRun,
        Status = status,
        Error = error,
        Prefix = run.Settings.Prefix,
        Companies = plan.CompanyCount,
        CompaniesChanged = plan.Companies.Count,
        CompaniesUpdated = run.CompaniesUpdated,
        CompaniesUnchanged = plan.CompanyCount - plan.Companies.Count,
        UsersChanged = plan.Contacts.Count,
        UsersUpdated = run.UsersUpdated,
        WriteCalls = run.WriteCalls,
        CustomAttributesInUse = run.AttributesInUse,
        AttributesCreated = [.. run.Created],
        AttributesArchived = [.. run.Archived],
        StaleAttributes = [.. run.Stale],
        Skipped = [.. run.Skipped],
        Failures = [.. run.Failures],
        Problems = [.. run.Problems.Distinct()],
        Changes = [.. plan.Changes().Take(PushReport.MaxChangesListed)],
    };
}
