using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rapport.Web.Webhooks;

/// <summary>The webhook inbox's services: the group-committing appender, the wake-up signal and the worker that drains it.</summary>
internal static class WebhookSetup
{
    public static IServiceCollection AddRapportWebhooks(this IServiceCollection services)
    {
        services.TryAddSingleton<WebhookInboxSignal>();
        services.TryAddSingleton<InboxAppender>();
        services.AddHostedService(provider => provider.GetRequiredService<InboxAppender>());
        services.AddHostedService<WebhookInboxWorker>();
        return services;
    }
}
