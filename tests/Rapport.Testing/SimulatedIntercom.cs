using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Intercom;
using Rapport.IntercomSimulator;

namespace Rapport.Testing;

/// <summary>
/// A started Intercom simulator on loopback, and the product's Intercom client pointed at it, wired the way the product
/// wires it (<see cref="IntercomServiceCollectionExtensions.AddRapportIntercom"/>).
/// </summary>
public sealed class SimulatedIntercom : IAsyncDisposable
{
    private readonly HttpClient _control;
    private readonly Action<IntercomClientOptions>? _configure;
    private readonly List<ServiceProvider> _clients = [];
    private readonly Lazy<IntercomClient> _client;

    private SimulatedIntercom(IntercomSimulatorServer server, Action<IntercomClientOptions>? configure)
    {
        Server = server;
        _configure = configure;
        _control = new HttpClient { BaseAddress = server.BaseAddress };
        _client = new Lazy<IntercomClient>(() => CreateClient(o =>
        {
            // Fast backoff keeps the fault specs short; the strategy is the same.
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            o.MaxRetryDelay = TimeSpan.FromSeconds(12);
            _configure?.Invoke(o);
        }));
    }

    public IntercomSimulatorServer Server { get; }

    public SimulatorWorkspace Workspace => Server.Workspace;

    /// <summary>A client with a quick retry backoff, changed by the options given to <see cref="StartAsync"/>.</summary>
    public IntercomClient Client => _client.Value;

    /// <param name="simulator">The workspace and its behaviour; by default 120 companies and 700 contacts, unthrottled.</param>
    /// <param name="configure">Changes the options of <see cref="Client"/>.</param>
    public static async Task<SimulatedIntercom> StartAsync(
        SimulatorOptions? simulator = null,
        Action<IntercomClientOptions>? configure = null,
        CancellationToken cancellationToken = default)
    {
        var options = simulator ?? new SimulatorOptions { Companies = 120, Contacts = 700, Seed = 7, RateLimitPerMinute = null };
        var server = await IntercomSimulatorServer.StartAsync(options, 0, cancellationToken);
        return new SimulatedIntercom(server, configure);
    }

    /// <summary>
    /// A client of its own, with the product's defaults but for <paramref name="configure"/>, on <paramref name="clock"/>
    /// (the system's by default), its requests passing through <paramref name="handler"/> when given.
    /// </summary>
    public IntercomClient CreateClient(Action<IntercomClientOptions>? configure = null, TimeProvider? clock = null, Func<DelegatingHandler>? handler = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock ?? TimeProvider.System);
        var http = services.AddRapportIntercom(o =>
        {
            o.BaseAddress = Server.BaseAddress;
            o.AccessToken = Server.Options.AccessToken;
            configure?.Invoke(o);
        });
        if (handler is not null)
            http.AddHttpMessageHandler(handler);
        var provider = services.BuildServiceProvider();
        lock (_clients)
            _clients.Add(provider);
        return provider.GetRequiredService<IntercomClient>();
    }

    /// <summary>The next <paramref name="count"/> API requests under <paramref name="path"/> get the fault, once <paramref name="after"/> more went through.</summary>
    public async Task InjectFaultAsync(string kind, int count, string? path = null, int? delayMs = null, CancellationToken cancellationToken = default, int after = 0)
    {
        var body = new JsonObject { ["kind"] = kind, ["count"] = count, ["after"] = after };
        if (path is not null)
            body["path"] = path;
        if (delayMs is not null)
            body["delay_ms"] = delayMs;

        using var response = await _control.PostAsJsonAsync("_simulator/faults", body, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>What a plain HTTP client sees for <paramref name="path"/>: the reference for "Raw holds every field".</summary>
    public async Task<JsonNode> GetRawAsync(string path, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", Server.Options.AccessToken);
        using var response = await _control.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        foreach (var provider in _clients)
            await provider.DisposeAsync();
        await Server.DisposeAsync();
    }
}
