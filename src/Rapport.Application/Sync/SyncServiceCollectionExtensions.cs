using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rapport.Application.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>The settings kept in the hub's sync state, as the pages and endpoints read and change them.</summary>
    public static IServiceCollection AddRapportSync(this IServiceCollection services)
    {
        services.TryAddSingleton<SyncSettings>();
        return services;
    }
}
