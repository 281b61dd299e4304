using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rapport.Hub.Push;
using Rapport.Hub.Sync;
using Rapport.Intercom;
using Rapport.Application.Settings;

namespace Rapport.Application.Push;

/// <summary>
/// Runs the push for the server: "Push now" and the API in the background, the dry run at once, and by itself once
/// account states stop changing for <see cref="Debounce"/> after a recompute (or <see cref="MaxWait"/> at the latest), and every
/// <see cref="PushSettings.ScheduleMinutes"/>. One push at a time on the hub, whichever node or CLI run it comes from.
/// </summary>
public sealed partial class IntercomPushJob(
    IPushStore pushStore, ISyncStateStore syncState, IIntercomConnection connections, Func<IntercomClient, IntercomPush> pushes, TimeProvider timeProvider,
    ILogger<IntercomPushJob> logger) : BackgroundService
{
    public const string NotConnected = "Intercom is not connected: connect it first.";

    private readonly Lock _sync = new();
    private Task _running = Task.CompletedTask;
    private (IntercomClient Client, IntercomPush Push)? _push;

    // When this node first saw a recompute newer than the last push; only the trigger loop touches it.
    private DateTimeOffset? _pendingSince;

    /// <summary>How long account states must stay unchanged after a recompute before the push follows it.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest a recompute waits for its push while states keep changing (a busy workspace's webhooks recompute some
    /// account every few seconds, so a quiet period alone might never come).
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the trigger conditions are looked at.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public bool Running
    {
        get
        {
            lock (_sync)
                return !_running.IsCompleted;
        }
    }

    /// <summary>What a push would change now; writes nothing.</summary>
    public async Task<(PushReport? Report, string? Refusal)> PreviewAsync(CancellationToken cancellationToken)
    {
        var push = await PushAsync(cancellationToken);
        return push is null ? (null, NotConnected) : (await push.RunAsync(dryRun: true, cancellationToken), null);
    }

    /// <summary>Starts a push in the background; the refusal says why not (not connected, switched off, already running).</summary>
    public async Task<string?> StartPushAsync(CancellationToken cancellationToken)
    {
        var push = await PushAsync(cancellationToken);
        if (push is null)
            return NotConnected;
        if (!(await IntercomIntegrationSettings.LoadAsync(syncState, cancellationToken)).UpdateCompanies)
            return "Update Intercom companies with account data is off: turn it on first.";
        // Said now rather than found by the background run; the run holds the push itself, so a race here only means the
        // push that loses it is refused there instead.
        await using (var hold = await syncState.TryHoldJobAsync(HubJob.IntercomPush, cancellationToken))
        {
            if (hold is null)
                return IntercomPush.ElsewhereRefusal;
        }
        lock (_sync)
        {
            if (!_running.IsCompleted)
                return "A push is already running.";
            _running = Task.Run(() => RunAsync(push), CancellationToken.None);
        }

        return null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DueAsync(stoppingToken))
                    await StartPushAsync(stoppingToken);
                await Task.Delay(PollInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogTriggerFailed(logger, error);
                await Task.Delay(PollInterval, timeProvider, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>On, connected, not running, and either a recompute has settled since the last push or the schedule is due.</summary>
    private async Task<bool> DueAsync(CancellationToken cancellationToken)
    {
        if (Running || !(await IntercomIntegrationSettings.LoadAsync(syncState, cancellationToken)).UpdateCompanies)
            return false;
        if (await connections.WorkspaceAsync(cancellationToken) is null)
            return false;
        var now = timeProvider.GetUtcNow();
        var last = (await IntercomPush.LastRunAsync(syncState, cancellationToken))?.StartedAt;
        var computed = await pushStore.LastAccountStateComputedAtAsync(cancellationToken);
        if (computed is { } c && (last is null || c > last))
        {
            _pendingSince ??= now;
            if (now - c >= Debounce || now - _pendingSince >= MaxWait)
            {
                _pendingSince = null;
                return true;
            }
        }
        var schedule = (await PushSettings.LoadAsync(syncState, cancellationToken)).ScheduleMinutes;
        return schedule > 0 && last is { } l && now - l >= TimeSpan.FromMinutes(schedule);
    }

    private async Task RunAsync(IntercomPush push)
    {
        try
        {
            await push.RunAsync(dryRun: false, CancellationToken.None);
        }
        catch (Exception error)
        {
            LogPushFailed(logger, error);
        }
    }

    // One IntercomPush per client: a new connection brings a new client.
    private async Task<IntercomPush?> PushAsync(CancellationToken cancellationToken)
    {
        if (await connections.ClientAsync(cancellationToken) is not { } client)
            return null;
        lock (_sync)
        {
            if (_push is not { } current || !ReferenceEquals(current.Client, client))
                _push = (client, pushes(client));
            return _push.Value.Push;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking whether to push account data onto Intercom failed; trying again shortly.")]
    private static partial void LogTriggerFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The push of account data onto Intercom failed.")]
    private static partial void LogPushFailed(ILogger logger, Exception error);
}
