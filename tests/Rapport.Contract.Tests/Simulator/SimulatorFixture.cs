using Rapport.IntercomSimulator;

namespace Rapport.Contract.Tests.Simulator;

/// <summary>One started simulator per test class; the specs only add data, so they can share it.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    private IntercomSimulatorServer? _server;

    internal IntercomSimulatorServer Server => _server ?? throw new InvalidOperationException("The simulator is not started.");

    public async ValueTask InitializeAsync() =>
        _server = await IntercomSimulatorServer.StartAsync(
            new SimulatorOptions { Companies = 60, Contacts = 400, RateLimitPerMinute = null },
            0,
            TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
