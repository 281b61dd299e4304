using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rapport.IntercomSimulator;

namespace Rapport.Intercom.Tests;

/// <summary>A started simulator plus a DI container holding the client under test, wired the way the product wires it.</summary>
internal sealed class SimulatedIntercom : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly HttpClient _control;

    private SimulatedIntercom(IntercomSimulatorServer server, ServiceProvider services)
    {
        Server = server;
        _services = services;
        _control = new HttpClient { BaseAddress = server.BaseAddress };
    }

    public IntercomSimulatorServer Server { get; }

    public SimulatorWorkspace Workspace => Server.Workspace;

    public IntercomClient Client => _services.GetRequiredService<IntercomClient>();

    public static async Task<SimulatedIntercom> StartAsync(
        SimulatorOptions? simulator = null,
        Action<IntercomClientOptions>? configure = null,
        CancellationToken cancellationToken = default)
    {
        var options = simulator ?? new SimulatorOptions { Companies = 120, Contacts = 700, Seed = 7, RateLimitPerMinute = null };
        var server = await IntercomSimulatorServer.StartAsync(options, 0, cancellationToken);
        var services = new ServiceCollection();
        services.AddRapportIntercom(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.AccessToken = options.AccessToken;
            // Fast backoff keeps the fault specs short; the strategy is the same.
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            o.MaxRetryDelay = TimeSpan.FromSeconds(12);
            configure?.Invoke(o);
        });
        return new SimulatedIntercom(server, services.BuildServiceProvider());
    }

    /// <summary>The next <paramref name="count"/> API requests under <paramref name="path"/> get the fault, once <paramref name="after"/> more went through.</summary>
    public async Task InjectFaultAsync(string kind, int count, string? path = null, int? delayMs = null, CancellationToken cancellationToken = default, int after = 0)
    {
        var body = new JsonObject { ["kind"] = kind, ["count"] = count, ["after"] = after };
        if (path is not null)
        {
            body["path"] = path;
        }

        if (delayMs is not null)
        {
            body["delay_ms"] = delayMs;
        }

        using var response = await _control.PostAsJsonAsync("_simulator/faults", body, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>What a plain HTTP client sees for <paramref name="path"/>: the reference for "Raw holds every field".</summary>
    public async Task<JsonNode> GetRawAsync(string path, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", "sim_token");
        using var response = await _control.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
