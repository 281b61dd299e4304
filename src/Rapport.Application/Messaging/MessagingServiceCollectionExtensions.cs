using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rapport.Application.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>Replies, notes and messages to Intercom: seats, the durable queue and the worker that sends it.</summary>
    public static IServiceCollection AddRapportMessaging(this IServiceCollection services)
    {
        services.TryAddSingleton<MessagingSeats>();
        services.TryAddSingleton<OutboundSignal>();
        services.TryAddSingleton<OutboundQueue>();
        services.TryAddSingleton<OutboundSender>();
        services.AddHostedService<OutboundWorker>();
        return services;
    }
}
