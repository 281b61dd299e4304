using Rapport.Application.Background;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Rapport.Application.Messaging;

/// <summary>
/// Sends the outbound queue through the hub's one Intercom client, so sends and the sync share one rate-limit budget. Runs on
/// every queueing and every few seconds besides: a send queued by a process that died, or deferred after no answer, leaves
/// from here once its lease runs out.
/// </summary>
public sealed partial class OutboundWorker(
    OutboundSender sender, IIntercomConnection connections, OutboundSignal signal, TimeProvider timeProvider, ILogger<OutboundWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(3);

    public WorkerPasses Passes { get; } = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using (Passes.Begin())
                {
                    // Without a connection the queue waits: nothing is claimed, so nothing is held.
                    if (await connections.ClientAsync(stoppingToken) is { } client)
                        await sender.DrainAsync(client, stoppingToken);
                }

                await signal.WaitAsync(PollInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogSendFailed(logger, error);
                await Task.Delay(PollInterval, timeProvider, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the outbound queue failed; retrying shortly.")]
    private static partial void LogSendFailed(ILogger logger, Exception error);
}
