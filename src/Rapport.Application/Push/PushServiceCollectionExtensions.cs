using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rapport.Intercom;

namespace Rapport.Application.Push;

public static class PushServiceCollectionExtensions
{
    /// <summary>
    /// The push: a push for whichever client the hub is connected with (a new connection brings a new client), and the one
    /// job shared by the page, the API and its own triggers.
    /// </summary>
    public static IServiceCollection AddRapportPush(this IServiceCollection services)
    {
        services.TryAddSingleton<Func<IntercomClient, IntercomPush>>(provider => client => ActivatorUtilities.CreateInstance<IntercomPush>(provider, client));
        services.TryAddSingleton<IntercomPushJob>();
        services.AddHostedService(provider => provider.GetRequiredService<IntercomPushJob>());
        return services;
    }
}
