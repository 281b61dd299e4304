using Microsoft.Extensions.DependencyInjection;
using Rapport.Hub.Accounts;
using Rapport.Hub.Audit;
using Rapport.Hub.Conversations;
using Rapport.Hub.Duplicates;
using Rapport.Hub.Events;
using Rapport.Hub.Messaging;
using Rapport.Hub.Model;
using Rapport.Hub.Playbooks;
using Rapport.Hub.Push;
using Rapport.Hub.Retention;
using Rapport.Hub.Security;
using Rapport.Hub.Segment;
using Rapport.Hub.Sources;
using Rapport.Hub.Sync;
using Rapport.Hub.Team;
using Rapport.Hub.Webhooks;
using Rapport.Storage.Accounts;
using Rapport.Storage.Audit;
using Rapport.Storage.Conversations;
using Rapport.Storage.Database;
using Rapport.Storage.Duplicates;
using Rapport.Storage.Events;
using Rapport.Storage.Messaging;
using Rapport.Storage.Model;
using Rapport.Storage.Playbooks;
using Rapport.Storage.Push;
using Rapport.Storage.Retention;
using Rapport.Storage.Security;
using Rapport.Storage.Segment;
using Rapport.Storage.Sources;
using Rapport.Storage.Sync;
using Rapport.Storage.Team;
using Rapport.Storage.Webhooks;

namespace Rapport.Storage;

/// <summary>The composition of the hub's storage: one database shared by every feature store.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="database"/> (opened with <see cref="HubDatabase.OpenAsync"/>, and disposed with the
    /// container) and every feature store over it, as singletons: a store keeps no state of its own, so one serves all.
    /// </summary>
    public static IServiceCollection AddRapportStorage(this IServiceCollection services, HubDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddSingleton(_ => database);
        services.AddSingleton<IAuditStore, AuditStore>();
        services.AddSingleton<IBrowseStore, BrowseStore>();
        services.AddSingleton<IConversationStore, ConversationStore>();
        services.AddSingleton<IDuplicateStore, DuplicateStore>();
        services.AddSingleton<EventStore>();
        services.AddSingleton<IEventStore>(provider => provider.GetRequiredService<EventStore>());
        services.AddSingleton<IKeyRingStore, KeyRingStore>();
        services.AddSingleton<IModelStore, ModelStore>();
        services.AddSingleton<OutboundStore>();
        services.AddSingleton<IOutboundStore>(provider => provider.GetRequiredService<OutboundStore>());
        services.AddSingleton<IPlaybookStore, PlaybookStore>();
        services.AddSingleton<IPushStore, PushStore>();
        services.AddSingleton<IRetentionStore, RetentionStore>();
        services.AddSingleton<ISegmentStore, SegmentStore>();
        services.AddSingleton<ISignInStore, SignInStore>();
        services.AddSingleton<ISourceStore, SourceStore>();
        services.AddSingleton<ISyncStateStore, SyncStateStore>();
        services.AddSingleton<ITeamStore, TeamStore>();
        services.AddSingleton<IWebhookInboxStore, WebhookInboxStore>();
        return services;
    }
}
