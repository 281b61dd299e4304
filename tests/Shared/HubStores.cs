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
using Rapport.Storage;

namespace Rapport.Testing;

/// <summary>
/// Every feature store of one hub, for specs and benchmarks that set a hub up and read it back: either a database opened
/// and composed as the application composes it, or the stores of a running app's container.
/// </summary>
public sealed class HubStores(IServiceProvider services, IAsyncDisposable? owned = null) : IAsyncDisposable
{
    public IServiceProvider Services { get; } = services;

    public IAuditStore Audit => Get<IAuditStore>();
    public IBrowseStore Browse => Get<IBrowseStore>();
    public IConversationStore Conversations => Get<IConversationStore>();
    public IDuplicateStore Duplicates => Get<IDuplicateStore>();
    public IEventStore Events => Get<IEventStore>();
    public IKeyRingStore KeyRing => Get<IKeyRingStore>();
    public IModelStore Model => Get<IModelStore>();
    public IOutboundStore Outbound => Get<IOutboundStore>();
    public IPlaybookStore Playbooks => Get<IPlaybookStore>();
    public IPushStore Push => Get<IPushStore>();
    public IRetentionStore Retention => Get<IRetentionStore>();
    public ISegmentStore Segment => Get<ISegmentStore>();
    public ISignInStore SignIns => Get<ISignInStore>();
    public ISourceStore Sources => Get<ISourceStore>();
    public ISyncStateStore SyncState => Get<ISyncStateStore>();
    public ITeamStore Team => Get<ITeamStore>();
    public IWebhookInboxStore Inbox => Get<IWebhookInboxStore>();

    /// <summary><c>sqlite</c> or <c>postgresql</c>.</summary>
    public string Provider => Get<Rapport.Storage.Database.HubDatabase>().Provider;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>An engine built from these stores (and <paramref name="arguments"/> for what is not a store).</summary>
    public T Create<T>(params object[] arguments) => ActivatorUtilities.CreateInstance<T>(Services, arguments);

    /// <summary>Opens <paramref name="database"/> with every feature store over it; disposing closes it.</summary>
    public static async Task<HubStores> OpenAsync(string database, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        var provider = new ServiceCollection()
            .AddSingleton(timeProvider)
            .AddRapportStorage(await Rapport.Storage.Database.HubDatabase.OpenAsync(database, timeProvider, cancellationToken))
            .BuildServiceProvider();
        return new HubStores(provider, provider);
    }

    /// <summary>The stores of a running app: its container owns them.</summary>
    public static HubStores From(IServiceProvider services) => new(services);

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
