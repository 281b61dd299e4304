using Microsoft.Extensions.DependencyInjection;
using Rapport.Sync.Model;
using Rapport.Sync.Settings;
using Rapport.Sync.Webhooks;
using Rapport.Web.Integration;
using Rapport.Hub.Sync;
using Rapport.Hub.Conversations;
using Rapport.Hub.Events;
using Rapport.Hub.Messaging;
using Rapport.Hub.Model;
using Rapport.Hub.Sources;
using Rapport.Hub.Webhooks;

namespace Rapport.Web.Webhooks;

/// <summary>Runs <see cref="IntercomWebhookApplier"/> whenever the endpoint appends, and every few seconds besides
/// (rows appended by another node, retries of failed ones, leases of a crashed worker).</summary>
internal sealed partial class WebhookInboxWorker(
    IConversationStore conversationStore, IEventStore eventStore, IModelStore modelStore, IOutboundStore outboundStore, ISourceStore sourceStore,
    ISyncStateStore store, IWebhookInboxStore inboxStore, IntercomConnections connections, WebhookInboxSignal signal, TimeProvider timeProvider, ILogger<WebhookInboxWorker> logger,
    AccountModelService model)
    : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var applier = new IntercomWebhookApplier(
            conversationStore, eventStore, modelStore, outboundStore, sourceStore, store, inboxStore, timeProvider)
        { Model = model };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var settings = await IntercomIntegrationSettings.LoadAsync(store, stoppingToken);
                var connection = await connections.CurrentAsync(stoppingToken);
                var client = connection is null ? null : await connections.ClientAsync(stoppingToken);
                await applier.DrainAsync(new WebhookApplyContext(settings, connection?.AppId, client), stoppingToken);
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
