using Microsoft.Extensions.DependencyInjection;

namespace Rapport.Application.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>What keeps the hub's database from growing without bound: the inbox retention pass.</summary>
    public static IServiceCollection AddRapportRetention(this IServiceCollection services)
    {
        services.AddOptions<InboxRetentionOptions>();
        services.AddHostedService<InboxRetentionWorker>();
        return services;
    }
}
