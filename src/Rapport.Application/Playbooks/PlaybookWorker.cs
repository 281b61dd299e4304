using Rapport.Application.Background;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Rapport.Application.Playbooks;

/// <summary>Runs the playbook engine every <see cref="Interval"/>; a failed pass is logged and tried again, never fatal.</summary>
public sealed partial class PlaybookWorker(PlaybookEngine engine, TimeProvider timeProvider, ILogger<PlaybookWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public WorkerPasses Passes { get; } = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using (Passes.Begin())
            {
                try
                {
                    await engine.RunOnceAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception error)
                {
                    LogPassFailed(logger, error);
                }
            }

            await Task.Delay(Interval, timeProvider, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A playbook pass failed; trying again shortly.")]
    private static partial void LogPassFailed(ILogger logger, Exception error);
}
