using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rapport.Application.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>What keeps the hub's database from growing without bound: the inbox retention pass.</summary>
    public static IServiceCollection AddRapportRetention(this IServiceCollection services)
    {
        services.AddOptions<InboxRetentionOptions>();
        services.TryAddSingleton<StorageUsage>();
        services.AddHostedService<InboxRetentionWorker>();
        return services;
    }
}
