using Rapport.Hub.Conversations;
using Rapport.Hub.Messaging;
using Rapport.Hub.Sources;
using Rapport.Hub.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rapport.Intercom;
using Rapport.Application.Conversations;
using Rapport.Application.Reconcile;

namespace Rapport.Application.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>
    /// Reading Intercom into the hub: the importers and the reconciliation sweep for a given client (the server's
    /// connection, or a command's token), and the job that runs "Sync now" and the sweep in the background.
    /// </summary>
    public static IServiceCollection AddRapportImport(this IServiceCollection services)
    {
        services.AddOptions<IntercomSyncOptions>();
        services.TryAddSingleton<Func<IntercomClient, ImportOptions, IntercomImporter>>(provider => (client, options) =>
            ActivatorUtilities.CreateInstance<IntercomImporter>(provider, client, options));
        services.TryAddSingleton<Func<IntercomClient, ConversationImportOptions, ConversationImporter>>(provider => (client, options) =>
            ActivatorUtilities.CreateInstance<ConversationImporter>(provider, client, options));
        services.TryAddSingleton<Func<IntercomClient, ReconciliationSweep>>(provider => client =>
            new ReconciliationSweep(
                client, provider.GetRequiredService<ISourceStore>(), provider.GetRequiredService<IConversationStore>(),
                provider.GetRequiredService<IOutboundStore>(), provider.GetRequiredService<ISyncStateStore>(), provider.GetRequiredService<TimeProvider>())
            {
                ImportPatience = provider.GetRequiredService<IOptions<IntercomSyncOptions>>().Value.ImportPatience,
            });
        services.TryAddSingleton<IntercomSyncJob>();
        services.AddHostedService(provider => provider.GetRequiredService<IntercomSyncJob>());
        return services;
    }
}
