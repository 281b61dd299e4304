using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Rapport.IntercomSimulator.Activity;
using Rapport.IntercomSimulator.Catalog;
using Rapport.IntercomSimulator.Companies;
using Rapport.IntercomSimulator.Contacts;
using Rapport.IntercomSimulator.Control;
using Rapport.IntercomSimulator.Conversations;
using Rapport.IntercomSimulator.DataAttributes;
using Rapport.IntercomSimulator.Events;
using Rapport.IntercomSimulator.Faults;
using Rapport.IntercomSimulator.Http;
using Rapport.IntercomSimulator.Messaging;
using Rapport.IntercomSimulator.OAuth;
using Rapport.IntercomSimulator.Seeding;
using Rapport.IntercomSimulator.Webhooks;

namespace Rapport.IntercomSimulator;

/// <summary>A fake Intercom workspace served over real HTTP on 127.0.0.1.</summary>
public sealed class IntercomSimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorRuntime _runtime;
    private readonly WebhookDispatcher _webhooks;
    private readonly ActivityGenerator _activity;

    private IntercomSimulatorServer(WebApplication app, SimulatorRuntime runtime, WebhookDispatcher webhooks, ActivityGenerator activity, Uri baseAddress)
    {
        (_app, _runtime, _webhooks, _activity, BaseAddress) = (app, runtime, webhooks, activity, baseAddress);
    }

    /// <summary>e.g. http://127.0.0.1:43121/</summary>
    public Uri BaseAddress { get; }

    /// <summary>In-process access to the data, for test setup.</summary>
    public SimulatorWorkspace Workspace => _runtime.Workspace;

    public SimulatorStats Stats => _runtime.Stats;

    public SimulatorOptions Options => _runtime.Options;

    /// <summary>The current webhook subscription (like GET /_simulator/webhooks).</summary>
    public WebhookSubscription Webhooks => _webhooks.Subscription;

    /// <summary>The delivery log, oldest first (the last 1,000 notifications).</summary>
    public IReadOnlyList<WebhookDelivery> Deliveries => _webhooks.Deliveries;

    /// <summary>Changes made so far by the activity generator (<see cref="SimulatorOptions.Activity"/>).</summary>
    public long ActivityChanges => _activity.Changes;

    /// <summary>Seeds the workspace and starts listening; <paramref name="port"/> 0 picks a free port.</summary>
    public static async Task<IntercomSimulatorServer> StartAsync(SimulatorOptions options, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var runtime = new SimulatorRuntime(options, WorkspaceSeeder.Create(options));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(IntercomSimulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The host process (the Rapport CLI, a test) may carry its own Kestrel/URL configuration: the simulator takes none of it.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton(runtime);
        builder.Services.AddSingleton<ApiGate>();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddHttpClient(WebhookDispatcher.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton<WebhookDispatcher>();

        var app = builder.Build();
        app.UseRouting();
        app.UseMiddleware<ApiGate>();
        app.MapControl();
        app.MapCatalog();
        app.MapCompanies();
        app.MapContacts();
        app.MapDataAttributes();
        app.MapConversations();
        app.MapMessaging();
        app.MapEvents();
        app.MapOAuth();
        app.MapWebhooks();
        var webhooks = app.Services.GetRequiredService<WebhookDispatcher>();
        runtime.Workspace.ChangeObserver = changes => WorkspaceNotifier.Notify(changes, runtime.Workspace, webhooks);
        webhooks.Start();
        await app.StartAsync(cancellationToken);
        var activity = new ActivityGenerator(runtime.Workspace, options);
        activity.Start();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new IntercomSimulatorServer(app, runtime, webhooks, activity, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Changes the rate limit at run time (null = unthrottled), like PUT /_simulator/rate_limit.</summary>
    public void SetRateLimit(int? perMinute) => _runtime.RateLimit.Change(perMinute);

    /// <summary>Queues a fault for the next <paramref name="count"/> API requests under <paramref name="pathPrefix"/>, like POST /_simulator/faults.
    /// <paramref name="kind"/>: rate_limit, server_error, slow, truncated_body or drop_connection.</summary>
    public void InjectFault(string kind, int count = 1, string? pathPrefix = null, TimeSpan? delay = null) =>
        InjectFault(kind, count, pathPrefix, delay, after: 0);

    /// <summary>Like <see cref="InjectFault(string, int, string?, TimeSpan?)"/>, starting only after <paramref name="after"/> more
    /// requests under <paramref name="pathPrefix"/> went through untouched: a storm in the middle of a run.</summary>
    public void InjectFault(string kind, int count, string? pathPrefix, TimeSpan? delay, int after)
    {
        if (after > 0) { _runtime.Faults.Add(FaultKind.Pass, after, pathPrefix, TimeSpan.Zero); }
        var parsed = kind switch
        {
            "rate_limit" => FaultKind.RateLimit,
            "server_error" => FaultKind.ServerError,
            "slow" => FaultKind.Slow,
            "truncated_body" => FaultKind.TruncatedBody,
            "drop_connection" => FaultKind.DropConnection,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown fault kind."),
        };
        _runtime.Faults.Add(parsed, count, pathPrefix, delay ?? TimeSpan.FromSeconds(1));
    }

    /// <summary>Adds a redirect URL the OAuth app accepts (like POST /_simulator/oauth/redirect_uris): a hub's callback, known once it listens.</summary>
    public void RegisterRedirectUri(Uri uri) => _runtime.Redirects.Register(uri);

    /// <summary>Revokes every OAuth token issued so far (like POST /_simulator/oauth/revoke), as uninstalling the app does.</summary>
    public void RevokeOAuthTokens() => _runtime.OAuth.RevokeAll();

    /// <summary>Subscribes <paramref name="url"/> to <paramref name="topics"/> (null = all), like PUT /_simulator/webhooks;
    /// a null <paramref name="url"/> unsubscribes. Re-activates a subscription a 410 disabled.</summary>
    public WebhookSubscription ConfigureWebhooks(Uri? url, IEnumerable<string>? topics = null) => _webhooks.Configure(url, topics);

    /// <summary>Sends topic <c>ping</c> (like POST /_simulator/webhooks/ping); returns the notification id, null without an active subscription.</summary>
    public string? PingWebhooks() => _webhooks.Ping();

    /// <summary>The next <paramref name="count"/> notifications are never delivered (like POST /_simulator/webhooks/drop): webhooks
    /// that went missing, for proving that a reconciliation sweep heals them.</summary>
    public void DropWebhooks(int count) => _webhooks.DropNext(count);

    public async ValueTask DisposeAsync()
    {
        await _activity.DisposeAsync();
        await _webhooks.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
