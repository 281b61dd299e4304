using System.Data.Common;
using Dapper;
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
using Rapport.Storage.Database;

namespace Rapport.Storage.Tests.Support;

/// <summary>
/// A fresh hub, composed as the application composes it (<see cref="StorageServiceCollectionExtensions.AddRapportStorage"/>),
/// with every feature store at hand, plus a side door into its database for what a user would check with a SQL client.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly Func<DbConnection> _connect;
    private ServiceProvider _services;

    private TestStore(ServiceProvider services, string database, Func<DbConnection> connect)
    {
        _services = services;
        _connect = connect;
        Database = database;
    }

    /// <summary>What <see cref="HubDatabase.OpenAsync"/> was given: reopen with it.</summary>
    public string Database { get; }

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

    /// <summary>The database's provider: <c>sqlite</c> or <c>postgresql</c>.</summary>
    public string Provider => Get<HubDatabase>().Provider;

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Opens <paramref name="database"/> with every feature store over it.</summary>
    public static async Task<TestStore> OpenAsync(string database, TimeProvider timeProvider, Func<DbConnection> connect) =>
        new(await ComposeAsync(database, timeProvider), database, connect);

    /// <summary>Just the stores, for a second process on the same database.</summary>
    public static async Task<ServiceProvider> ComposeAsync(string database, TimeProvider timeProvider) =>
        new ServiceCollection()
            .AddRapportStorage(await HubDatabase.OpenAsync(database, timeProvider, TestContext.Current.CancellationToken))
            .BuildServiceProvider();

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = _connect();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = _connect();
        await connection.ExecuteAsync(sql, parameters);
    }

    /// <summary>Closes and opens the hub again, as a restarted process would.</summary>
    public async Task ReopenAsync(TimeProvider timeProvider)
    {
        await _services.DisposeAsync();
        _services = await ComposeAsync(Database, timeProvider);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
