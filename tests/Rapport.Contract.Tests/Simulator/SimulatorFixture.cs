using Rapport.IntercomSimulator;

namespace Rapport.Contract.Tests.Simulator;

/// <summary>One started simulator per test class; the specs only add data, so they can share it.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    private IntercomSimulatorServer? server;

    internal IntercomSimulatorServer Server => server ?? throw new InvalidOperationException("The simulator is not started.");

    public async ValueTask InitializeAsync() =>
        server = await IntercomSimulatorServer.StartAsync(
            new SimulatorOptions { Companies = 60, Contacts = 400, RateLimitPerMinute = null },
            0,
            TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
