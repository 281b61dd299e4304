using Rapport.Hub.Storage;
using Rapport.Intercom;
using Rapport.Sync.Import;
using Rapport.Sync.Settings;

namespace Rapport.Web.Integration;

/// <summary>
/// "Sync now": runs the import with the stored settings in the background, one at a time per hub process, and keeps its
/// progress and outcome for the page and the API. Stopping the app cancels it; the importer's checkpoints let the next
/// run resume.
/// </summary>
internal sealed class IntercomSyncJob(IHubStore store, IntercomConnections connections, TimeProvider timeProvider) : IHostedService, IAsyncDisposable
{
    private readonly Lock _sync = new();
    private readonly CancellationTokenSource _stopping = new();
    private SyncStatus _status = SyncStatus.Idle;
    private Task _running = Task.CompletedTask;
    private int _disposed;

    public SyncStatus Status
    {
        get { lock (_sync) { return _status; } }
    }

    /// <summary>Starts a sync; the refusal says why it could not (already running, not connected, option 1 off).</summary>
    public async Task<(SyncStatus Status, string? Refusal)> StartAsync(string startedBy, CancellationToken cancellationToken)
    {
        var settings = await IntercomIntegrationSettings.LoadAsync(store, cancellationToken);
        if (!settings.ImportUsersAndCompanies || await store.GetSyncStateAsync(IntercomIntegrationSettings.EnabledKey, cancellationToken) is null)
            return (Status, "Import users and companies (option 1) is not enabled: with it off Rapport imports conversations only, so there is nothing to sync. Enable it first.");
        var client = await connections.ClientAsync(cancellationToken);
        if (client is null)
            return (Status, "Intercom is not connected: connect it first.");

        lock (_sync)
        {
            if (_status.State == SyncStatus.Running)
                return (_status, "A sync is already running: wait for it to finish.");
            _status = new SyncStatus(SyncStatus.Running, startedBy, timeProvider.GetUtcNow(), null, null, null, null);
            _running = Task.Run(() => RunAsync(client, settings.ToImportOptions(), _stopping.Token), CancellationToken.None);
            return (_status, null);
        }
    }

    private async Task RunAsync(IntercomClient client, ImportOptions options, CancellationToken cancellationToken)
    {
        var progress = new LatestProgress(p => Update(s => s with { Progress = p }));
        try
        {
            var summary = await new IntercomImporter(client, store, options, timeProvider).RunAsync(progress, cancellationToken);
            Update(s => s with { State = SyncStatus.Completed, FinishedAt = timeProvider.GetUtcNow(), Summary = summary });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Update(s => s with { State = SyncStatus.Failed, FinishedAt = timeProvider.GetUtcNow(), Error = "Rapport stopped during the sync; the next sync resumes where it left off." });
        }
        // Whatever ends the run, the page must stop saying "running": the error is shown to the teammate instead.
        catch (Exception error)
        {
            var message = error is ObjectDisposedException ? "The Intercom connection changed during the sync; start it again." : error.Message;
            Update(s => s with { State = SyncStatus.Failed, FinishedAt = timeProvider.GetUtcNow(), Error = message });
        }
    }

    private void Update(Func<SyncStatus, SyncStatus> change)
    {
        lock (_sync) { _status = change(_status); }
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    async Task IHostedService.StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    // The container disposes it twice: as the singleton and as the hosted service its factory returned.
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _stopping.CancelAsync();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    // Progress<T> would post to the thread pool and could report out of order; the latest report is all that matters.
    private sealed class LatestProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

/// <param name="State">idle, running, completed or failed.</param>
public sealed record SyncStatus(
    string State, string? StartedBy, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, ImportProgress? Progress, ImportSummary? Summary, string? Error)
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static SyncStatus Idle { get; } = new("idle", null, null, null, null, null, null);
}
