using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rapport.Web.Push;

/// <summary>The push's services: one job shared by the page, the API and its own triggers.</summary>
internal static class PushSetup
{
    public static IServiceCollection AddRapportPush(this IServiceCollection services)
    {
        services.TryAddSingleton<IntercomPushJob>();
        services.AddHostedService(provider => provider.GetRequiredService<IntercomPushJob>());
        return services;
    }
}
