using Rapport.Hub.Conversations;
using Rapport.Hub.Events;
using Rapport.Hub.Model;
using Rapport.Hub.Messaging;
using Rapport.Hub.Sources;
using Rapport.Hub.Sync;
using Rapport.Hub.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rapport.Application.Model;

namespace Rapport.Application.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// The webhook inbox: the group-committing appender the endpoint hands notifications to, the wake-up signal, and the
    /// worker that applies them (recomputing the accounts they touch).
    /// </summary>
    public static IServiceCollection AddRapportWebhooks(this IServiceCollection services)
    {
        services.TryAddSingleton<WebhookInboxSignal>();
        services.TryAddSingleton<WebhookInboxStatus>();
        services.TryAddSingleton<InboxAppender>();
        services.AddHostedService(provider => provider.GetRequiredService<InboxAppender>());
        services.TryAddSingleton(provider => new IntercomWebhookApplier(
            provider.GetRequiredService<IConversationStore>(), provider.GetRequiredService<IEventStore>(), provider.GetRequiredService<IModelStore>(),
            provider.GetRequiredService<IOutboundStore>(), provider.GetRequiredService<ISourceStore>(), provider.GetRequiredService<ISyncStateStore>(),
            provider.GetRequiredService<IWebhookInboxStore>(), provider.GetRequiredService<TimeProvider>())
        {
            Model = provider.GetRequiredService<AccountModelService>(),
        });
        services.AddHostedService<WebhookInboxWorker>();
        return services;
    }
}
