using System.Collections.Concurrent;
using Rapport.Contract.Tests.OpenApi;
using Rapport.IntercomSimulator;

namespace Rapport.Contract.Tests.Client;

/// <summary>Runs <see cref="ClientScenario"/> once against a started simulator and keeps every exchange.</summary>
public sealed class ClientContractFixture : IAsyncLifetime
{
    private readonly ConcurrentQueue<HttpExchange> _exchanges = new();
    private SimulatedIntercom? _intercom;

    internal IReadOnlyList<HttpExchange> Exchanges => [.. _exchanges];

    internal IReadOnlyList<string> Failures { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _intercom = await SimulatedIntercom.StartAsync(
            new SimulatorOptions { Companies = 60, Contacts = 400, RateLimitPerMinute = null },
            cancellationToken: cancellationToken);
        var client = _intercom.CreateClient(handler: () => new ExchangeRecorder(_exchanges));

        var scenario = new ClientScenario(client, _intercom.Workspace, TimeProvider.System);
        await scenario.RunAsync(cancellationToken);
        Failures = scenario.Failures;
    }

    public async ValueTask DisposeAsync()
    {
        if (_intercom is not null)
        {
            await _intercom.DisposeAsync();
        }
    }
}
