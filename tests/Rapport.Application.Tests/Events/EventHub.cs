using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using Rapport.Intercom.Webhooks;
using Rapport.IntercomSimulator;
using Rapport.Storage;
using Rapport.Application.Events;
using Rapport.Application.Import;
using Rapport.Application.Settings;
using Rapport.Application.Webhooks;
using Rapport.Testing;

namespace Rapport.Application.Tests.Events;

/// <summary>
/// A simulator workspace with company acme and its users ada and bob, imported into a hub (a SQLite file), the
/// simulator's <c>event.created</c> webhooks captured on loopback, and the way in that Rapport's endpoint takes:
/// the notification into the inbox, then the applier drains it.
/// </summary>
internal sealed class EventHub : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-events-").FullName;
    private readonly ImportHarness _harness;
    private readonly WebhookReceiver _receiver;

    private EventHub(ImportHarness harness, WebhookReceiver receiver) => (_harness, _receiver) = (harness, receiver);

    public HubStores Store { get; private set; } = null!;

    public SimulatorWorkspace Workspace => _harness.Workspace;

    public SimulatedContact Ada => Workspace.FindContactByExternalId("acme-user-0")!;

    public SimulatedContact Bob => Workspace.FindContactByExternalId("acme-user-1")!;

    public IntercomIntegrationSettings Settings { get; private set; } = IntercomIntegrationSettings.Default;

    private string DatabasePath => Path.Combine(_folder, "hub.db");

    public static async Task<EventHub> StartAsync()
    {
        var harness = await ImportHarness.StartAsync();
        harness.Company("acme", users: 2);
        var receiver = await WebhookReceiver.StartAsync();
        harness.Simulator.ConfigureWebhooks(receiver.Url, ["event.created"]);
        var hub = new EventHub(harness, receiver);
        hub.Store = await HubStores.OpenAsync(hub.DatabasePath, TimeProvider.System, TestContext.Current.CancellationToken);
        await harness.ImportAsync(hub.Store, new ImportOptions());
        return hub;
    }

    /// <summary>Saves the options as the settings page does, keeping the moment event import turned on.</summary>
    public async Task ConfigureAsync(bool importUsersAndCompanies, bool importEvents)
    {
        var settings = new IntercomIntegrationSettings { ImportUsersAndCompanies = importUsersAndCompanies, ImportEvents = importEvents };
        await EventImport.RecordAsync(Store.SyncState, Settings, settings, TimeProvider.System.GetUtcNow(), TestContext.Current.CancellationToken);
        await settings.SaveAsync(Store.SyncState, TestContext.Current.CancellationToken);
        Settings = settings;
    }

    /// <summary>Takes the next <paramref name="count"/> webhooks the simulator delivered, each signed as Rapport's endpoint requires.</summary>
    public async Task<IReadOnlyList<string>> WebhooksAsync(int count)
    {
        var taken = await _receiver.TakeAsync(count);
        taken.ShouldAllBe(w => w.IsSignedWith(_harness.Simulator.Options.ClientSecret), "every delivery is signed with the app's client secret");
        return [.. taken.Select(w => w.Text)];
    }

    /// <summary>What the endpoint does with a verified delivery: into the inbox (once per notification id).</summary>
    public async Task DeliverAsync(string body) =>
        await Store.Inbox.AppendToInboxAsync(
            InboxEntry.From(IntercomNotification.Parse(Encoding.UTF8.GetBytes(body)), body), TestContext.Current.CancellationToken);

    /// <summary>The same item in a new envelope, as a notification sent again under another id.</summary>
    public static string Resent(string body, string id)
    {
        var envelope = JsonNode.Parse(body)!.AsObject();
        envelope["id"] = id;
        return envelope.ToJsonString();
    }

    public Task<int> ApplyAsync() =>
        Store.Create<IntercomWebhookApplier>(TimeProvider.System)
            .DrainAsync(new WebhookApplyContext(Settings, Workspace.AppId, null), TestContext.Current.CancellationToken);

    /// <summary>What each inbox row's outcome says, in received order, as a SQL client shows it.</summary>
    public async Task<List<string?>> OutcomesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        return [.. await connection.QueryAsync<string?>("SELECT outcome FROM webhook_inbox ORDER BY id")];
    }

    /// <summary>The hub's id of the user imported from <paramref name="contact"/>.</summary>
    public async Task<long> UserIdAsync(SimulatedContact contact)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM users WHERE external_id = @externalId", new { externalId = contact.ExternalId });
    }

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await Store.DisposeAsync();
        await _harness.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
