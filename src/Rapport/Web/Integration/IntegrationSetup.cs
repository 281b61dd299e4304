using Microsoft.Extensions.DependencyInjection.Extensions;
using Rapport.Intercom;

namespace Rapport.Web.Integration;

/// <summary>The Intercom integration's services: connection, OAuth state, check, census, sync job.</summary>
internal static class IntegrationSetup
{
    public static IServiceCollection AddRapportIntegration(this IServiceCollection services)
    {
        services.AddRapportIntercomOAuth();
        services.TryAddSingleton<IntercomConnections>();
        services.TryAddSingleton<OAuthState>();
        services.TryAddSingleton<IntercomCheck>();
        services.TryAddSingleton<CompanyCensus>();
        services.TryAddSingleton<IntercomSyncJob>();
        services.AddHostedService(provider => provider.GetRequiredService<IntercomSyncJob>());
        services.TryAddSingleton<IntercomIntegration>();
        services.TryAddSingleton<IntercomSyncHealth>();
        return services;
    }
}
