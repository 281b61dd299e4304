using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Contract.Tests.OpenApi;
using Rapport.Intercom;
using Rapport.IntercomSimulator;

namespace Rapport.Contract.Tests.Client;

/// <summary>Runs <see cref="ClientScenario"/> once against a started simulator and keeps every exchange.</summary>
public sealed class ClientContractFixture : IAsyncLifetime
{
    private readonly ConcurrentQueue<HttpExchange> exchanges = new();
    private IntercomSimulatorServer? simulator;
    private ServiceProvider? services;

    internal IReadOnlyList<HttpExchange> Exchanges => [.. exchanges];

    internal IReadOnlyList<string> Failures { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        simulator = await IntercomSimulatorServer.StartAsync(
            new SimulatorOptions { Companies = 60, Contacts = 400, RateLimitPerMinute = null },
            0,
            cancellationToken);
        var collection = new ServiceCollection();
        collection
            .AddRapportIntercom(o =>
            {
                o.BaseAddress = simulator.BaseAddress;
                o.AccessToken = "sim_token";
            })
            .AddHttpMessageHandler(() => new ExchangeRecorder(exchanges));
        services = collection.BuildServiceProvider();

        var scenario = new ClientScenario(services.GetRequiredService<IntercomClient>(), simulator.Workspace, TimeProvider.System);
        await scenario.RunAsync(cancellationToken);
        Failures = scenario.Failures;
    }

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        if (simulator is not null)
        {
            await simulator.DisposeAsync();
        }
    }
}
