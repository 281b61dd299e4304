using Microsoft.Extensions.DependencyInjection.Extensions;
using Rapport.Intercom;
using Rapport.Application;

namespace Rapport.Web.Integration;

/// <summary>
/// The Intercom integration's services for the web app: the connection made on the settings page (which the application's
/// jobs and workers use), OAuth state, check, census, and what the pages show of the sync.
/// </summary>
internal static class IntegrationSetup
{
    public static IServiceCollection AddRapportIntegration(this IServiceCollection services)
    {
        services.AddRapportIntercomOAuth();
        services.TryAddSingleton<IntercomConnections>();
        services.TryAddSingleton<IIntercomConnection>(provider => provider.GetRequiredService<IntercomConnections>());
        services.TryAddSingleton<OAuthState>();
        services.TryAddSingleton<IntercomCheck>();
        services.TryAddSingleton<CompanyCensus>();
        services.TryAddSingleton<IntercomIntegration>();
        services.TryAddSingleton<IntercomSyncHealth>();
        services.TryAddSingleton<Conversations.ConversationAuditRunner>();
        return services;
    }
}
