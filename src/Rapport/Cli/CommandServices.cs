using Microsoft.Extensions.DependencyInjection;
using Rapport.Storage;
using Rapport.Storage.Database;
using Rapport.Application;

namespace Rapport.Cli;

/// <summary>
/// The container a command runs its work in: the hub's stores (<see cref="StorageServiceCollectionExtensions.AddRapportStorage"/>)
/// and the application's registrations, composed as the server composes them, so a command runs what the server runs.
/// The workers are registered and never started: a command builds no host.
/// </summary>
internal static class CommandServices
{
    public static IServiceCollection Describe(HubDatabase database, TimeProvider timeProvider)
    {
        var services = new ServiceCollection();
        services.AddSingleton(timeProvider);
        services.AddLogging();
        services.AddRapportStorage(database);
        services.AddRapportApplication();
        return services;
    }

    /// <summary>Opens the hub and its container; disposing the container closes the database.</summary>
    public static async Task<ServiceProvider> OpenAsync(string database, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        Describe(await HubDatabase.OpenAsync(database, timeProvider, cancellationToken), timeProvider).BuildServiceProvider();
}
