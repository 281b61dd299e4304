using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rapport.Intercom;
using Rapport.Application.Conversations;
using Rapport.Application.Reconcile;
using Rapport.Application.Settings;
using Rapport.Hub.Sync;
using Rapport.Hub.Conversations;
using Rapport.Hub.Messaging;
using Rapport.Hub.Sources;

namespace Rapport.Application.Import;

/// <summary>
/// Runs Intercom jobs in the background, one at a time per hub (whichever node or CLI run holds it, see <see cref="HubJob.IntercomSync"/>): "Sync now" (the import with the stored settings,
/// conversations included) and the reconciliation sweep (on its timer and on demand), never both at once since they write
/// the same records through the same checkpoints. Keeps the running or last job's progress and outcome for the page and
/// the API. Stopping the app cancels it; the importers' checkpoints let the next run resume.
/// </summary>
public sealed partial class IntercomSyncJob(
    ISyncStateStore store, IIntercomConnection connections, IOptions<IntercomSyncOptions> options,
    Func<IntercomClient, ImportOptions, IntercomImporter> importers,
    Func<IntercomClient, ConversationImportOptions, ConversationImporter> conversationImporters,
    Func<IntercomClient, ReconciliationSweep> sweeps,
    TimeProvider timeProvider, ILogger<IntercomSyncJob> logger)
    : IHostedService, IAsyncDisposable
{
    public const string NotConnected = "Intercom is not connected: connect it first.";

    public const string ElsewhereRefusal = "A sync or sweep is running in another Rapport process on this hub (another server node, or rapport import): wait for it to finish.";

    private readonly Lock _sync = new();
    private readonly CancellationTokenSource _stopping = new();
    private SyncStatus _status = SyncStatus.Idle;
    private Task _running = Task.CompletedTask;
    private int _disposed;

    public SyncStatus Status
    {
        get { lock (_sync) { return _status; } }
    }

    /// <summary>
    /// Starts "Sync now"; the refusal says why it could not (a job is running, not connected, Import users and
    /// companies on but its check not passed). With Import users and companies off the integration is conversations
    /// only, and so is the sync.
    /// </summary>
    public async Task<(SyncStatus Status, string? Refusal)> StartAsync(string startedBy, CancellationToken cancellationToken)
    {
        var settings = await IntercomIntegrationSettings.LoadAsync(store, cancellationToken);
        if (settings.ImportUsersAndCompanies && await store.GetSyncStateAsync(IntercomIntegrationSettings.EnabledKey, cancellationToken) is null)
            return (Status, "Import users and companies is on but not enabled: the pre-enable check has not passed. Save the options again once the ids are set (or tick Import only what has ids).");
        var client = await connections.ClientAsync(cancellationToken);
        if (client is null)
            return (Status, NotConnected);
        return await TryStartAsync(SyncStatus.SyncKind, startedBy, (progress, token) => SyncAsync(client, settings, progress, token), cancellationToken);
    }

    /// <summary>Starts a reconciliation sweep ("Reconcile now", or the timer with <paramref name="trigger"/> "timer").</summary>
    public async Task<(SyncStatus Status, string? Refusal)> StartSweepAsync(string trigger, CancellationToken cancellationToken)
    {
        var client = await connections.ClientAsync(cancellationToken);
        if (client is null)
            return (Status, NotConnected);
        return await TryStartAsync(SyncStatus.SweepKind, trigger, async (progress, token) =>
        {
            var result = await sweeps(client).RunAsync(trigger, progress, token);
            return s => s with { Sweep = result };
        }, cancellationToken);
    }

    private async Task<(SyncStatus, string?)> TryStartAsync(
        string kind, string startedBy, Func<IProgress<ImportProgress>, CancellationToken, Task<Func<SyncStatus, SyncStatus>>> work,
        CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (_status.State == SyncStatus.Running)
                return (_status, RunningRefusal(_status.Kind));
        }

        // Another node on the same hub, or a rapport import, may hold it: this node's own status cannot tell.
        var hold = await store.TryHoldJobAsync(HubJob.IntercomSync, cancellationToken);
        if (hold is null)
            return (Status, ElsewhereRefusal);
        lock (_sync)
        {
            if (_status.State != SyncStatus.Running)
            {
                _status = new SyncStatus(SyncStatus.Running, startedBy, timeProvider.GetUtcNow(), null, null, null, null) { Kind = kind };
                _running = Task.Run(() => RunAsync(work, hold, _stopping.Token), CancellationToken.None);
                return (_status, null);
            }
        }

        // A job of this node's own started meanwhile.
        await hold.DisposeAsync();
        return (Status, RunningRefusal(Status.Kind));
    }

    private static string RunningRefusal(string kind) => kind == SyncStatus.SweepKind
        ? "A reconciliation sweep is running: wait for it to finish."
        : "A sync is running: wait for it to finish.";

    private async Task<Func<SyncStatus, SyncStatus>> SyncAsync(
        IntercomClient client, IntercomIntegrationSettings settings, IProgress<ImportProgress> progress, CancellationToken cancellationToken)
    {
        if (!settings.ImportUsersAndCompanies)
        {
            // Conversations only (Import users and companies off): attached to hub users by email.
            var conversations = await conversationImporters(client, new ConversationImportOptions { AttachByContact = false })
                .RunAsync(progress, cancellationToken);
            return s => s with { Conversations = conversations };
        }

        var importOptions = settings.ToImportOptions();
        importOptions.Conversations = true;
        importOptions.Patience = options.Value.ImportPatience;
        var summary = await importers(client, importOptions).RunAsync(progress, cancellationToken);
        return s => s with { Summary = summary, Conversations = summary.Conversations };
    }

    private async Task RunAsync(
        Func<IProgress<ImportProgress>, CancellationToken, Task<Func<SyncStatus, SyncStatus>>> work, IJobHold hold, CancellationToken cancellationToken)
    {
        await using var held = hold;
        var progress = new LatestProgress(p => Update(s => s with { Progress = p }));
        try
        {
            var outcome = await work(progress, cancellationToken);
            Update(s => outcome(s with { State = SyncStatus.Completed, FinishedAt = timeProvider.GetUtcNow() }));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Update(s => s with { State = SyncStatus.Failed, FinishedAt = timeProvider.GetUtcNow(), Error = "Rapport stopped during the job; the next one resumes where it left off." });
        }
        // Whatever ends the run, the page must stop saying "running": the error is shown to the teammate instead.
        catch (Exception error)
        {
            var message = error is ObjectDisposedException ? "The Intercom connection changed during the job; start it again." : error.Message;
            Update(s => s with { State = SyncStatus.Failed, FinishedAt = timeProvider.GetUtcNow(), Error = message });
        }
    }

    private void Update(Func<SyncStatus, SyncStatus> change)
    {
        lock (_sync) { _status = change(_status); }
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken)
    {
        _timer = Task.Run(() => SweepOnTimerAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    async Task IHostedService.StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running, _timer).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    // The container disposes it twice: as the singleton and as the hosted service its factory returned.
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _stopping.CancelAsync();
        await Task.WhenAll(_running, _timer).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    // Progress<T> would post to the thread pool and could report out of order; the latest report is all that matters.
    private sealed class LatestProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
