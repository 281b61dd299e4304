using System.Collections.Concurrent;
using Rapport.Contract.Tests.OpenApi;
using Rapport.IntercomSimulator;

namespace Rapport.Contract.Tests.Client;

/// <summary>Runs <see cref="ClientScenario"/> once against a started simulator and keeps every exchange.</summary>
public sealed class ClientContractFixture : IAsyncLifetime
{
    private readonly ConcurrentQueue<HttpExchange> exchanges = new();
    private SimulatedIntercom? intercom;

    internal IReadOnlyList<HttpExchange> Exchanges => [.. exchanges];

    internal IReadOnlyList<string> Failures { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        intercom = await SimulatedIntercom.StartAsync(
            new SimulatorOptions { Companies = 60, Contacts = 400, RateLimitPerMinute = null },
            cancellationToken: cancellationToken);
        var client = intercom.CreateClient(handler: () => new ExchangeRecorder(exchanges));

        var scenario = new ClientScenario(client, intercom.Workspace, TimeProvider.System);
        await scenario.RunAsync(cancellationToken);
        Failures = scenario.Failures;
    }

    public async ValueTask DisposeAsync()
    {
        if (intercom is not null)
        {
            await intercom.DisposeAsync();
        }
    }
}
