using Microsoft.Extensions.Hosting;
using Rapport.Hub.Sync;
using Microsoft.Extensions.Logging;
using Rapport.Application.Settings;

namespace Rapport.Application.Webhooks;

/// <summary>Runs <see cref="IntercomWebhookApplier"/> whenever the endpoint appends, and every few seconds besides
/// (rows appended by another node, retries of failed ones, leases of a crashed worker).</summary>
public sealed partial class WebhookInboxWorker(
    ISyncStateStore store, IIntercomConnection connections, WebhookInboxSignal signal, TimeProvider timeProvider, ILogger<WebhookInboxWorker> logger,
    IntercomWebhookApplier applier)
    : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var settings = await IntercomIntegrationSettings.LoadAsync(store, stoppingToken);
                var workspace = await connections.WorkspaceAsync(stoppingToken);
                var client = workspace is null ? null : await connections.ClientAsync(stoppingToken);
                await applier.DrainAsync(new WebhookApplyContext(settings, workspace?.AppId, client), stoppingToken);
                await signal.WaitAsync(PollInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogDrainFailed(logger, error);
                await Task.Delay(PollInterval, timeProvider, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Draining the webhook inbox failed; retrying shortly.")]
    private static partial void LogDrainFailed(ILogger logger, Exception error);
}
