using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rapport.Web.Messaging;

/// <summary>Replies, notes and messages to Intercom: seats, the durable queue and the worker that sends it.</summary>
internal static class MessagingSetup
{
    public static IServiceCollection AddRapportMessaging(this IServiceCollection services)
    {
        services.TryAddSingleton<MessagingSeats>();
        services.TryAddSingleton<OutboundSignal>();
        services.TryAddSingleton<OutboundQueue>();
        services.AddHostedService<OutboundWorker>();
        return services;
    }
}
