using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rapport.Hub.Storage;
using Rapport.Sync.Model;

namespace Rapport.Sync.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// The webhook inbox: the group-committing appender the endpoint hands notifications to, the wake-up signal, and the
    /// worker that applies them (recomputing the accounts they touch).
    /// </summary>
    public static IServiceCollection AddRapportWebhooks(this IServiceCollection services)
    {
        services.TryAddSingleton<WebhookInboxSignal>();
        services.TryAddSingleton<InboxAppender>();
        services.AddHostedService(provider => provider.GetRequiredService<InboxAppender>());
        services.TryAddSingleton(provider => new IntercomWebhookApplier(provider.GetRequiredService<IHubStore>(), provider.GetRequiredService<TimeProvider>())
        {
            Model = provider.GetRequiredService<AccountModelService>(),
        });
        services.AddHostedService<WebhookInboxWorker>();
        return services;
    }
}
