using Microsoft.Extensions.DependencyInjection;
using Rapport.Hub.Storage;
using Rapport.Sync;

namespace Rapport.Cli;

/// <summary>
/// The container a command runs its work in: the application's registrations, composed as the server composes them, over
/// the hub the command opened and its clock, so a command runs what the server runs. The workers are registered and never
/// started: a command builds no host.
/// </summary>
internal static class CommandServices
{
    public static IServiceCollection Describe(IHubStore store, TimeProvider timeProvider)
    {
        var services = new ServiceCollection();
        services.AddSingleton(timeProvider);
        services.AddSingleton(store);
        services.AddLogging();
        services.AddRapportApplication();
        return services;
    }

    /// <summary>The container; dispose it before the store, which it uses but does not own.</summary>
    public static ServiceProvider Build(IHubStore store, TimeProvider timeProvider) => Describe(store, timeProvider).BuildServiceProvider();
}
