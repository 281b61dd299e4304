namespace Rapport.IntercomSimulator;

/// <summary>The simulator runs inside other processes (the Rapport CLI, tests): the default ConsoleLifetime would take over
/// their Ctrl+C/SIGTERM and swallow them. The owner stops the server by disposing it.</summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
