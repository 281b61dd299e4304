using Microsoft.Extensions.DependencyInjection;
using Rapport.Storage;
using Rapport.Storage.Database;

namespace Rapport.Cli;

/// <summary>
/// The hub's stores for one command, composed as the web host composes them (<see cref="StorageServiceCollectionExtensions.AddRapportStorage"/>):
/// disposing the provider closes the database.
/// </summary>
internal static class CliStorage
{
    public static async Task<ServiceProvider> OpenAsync(string database, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var opened = await HubDatabase.OpenAsync(database, timeProvider, cancellationToken);
        return new ServiceCollection().AddSingleton(timeProvider).AddRapportStorage(opened).BuildServiceProvider();
    }
}
