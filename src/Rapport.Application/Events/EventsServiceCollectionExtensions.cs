using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rapport.Application.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>The events as other features read them.</summary>
    public static IServiceCollection AddRapportEvents(this IServiceCollection services)
    {
        services.TryAddSingleton<EventHistory>();
        return services;
    }
}
