using Rapport.IntercomSimulator.Seeding;

namespace Rapport.IntercomSimulator.Activity;

/// <summary>Makes <see cref="SimulatorOptions.Activity"/> random changes per second through the workspace, so a demo or a
/// benchmark sees a live workspace and its webhooks. The sequence of changes is deterministic per seed; their timing is not.</summary>
internal sealed partial class ActivityGenerator(SimulatorWorkspace workspace, SimulatorOptions options) : IAsyncDisposable
{
    private static readonly TimeSpan MinTick = TimeSpan.FromMilliseconds(20);
    private const int MaxPerTick = 10_000;

    private readonly Random _random = new(options.Seed * 7919 + 17);
    private readonly NamePools _names = new(options.Seed + 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>Changes made so far.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    private long _changes;

    /// <summary>Returns once the loop has read its start time and waits for its first tick: the rate counts from here, on
    /// the simulator's clock, however long the thread pool takes to run the loop.</summary>
    public void Start()
    {
        if (options.Activity > 0) { _loop = RunAsync(options.Activity, _stopping.Token); }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) { return; }
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task RunAsync(double perSecond, CancellationToken cancellationToken)
    {
        var time = options.TimeProvider;
        var tick = TimeSpan.FromSeconds(1 / perSecond) is var interval && interval > MinTick ? interval : MinTick;
        tick = tick > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : tick;
        var started = time.GetTimestamp();
        long done = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(tick, time, cancellationToken);
                var due = (long)(time.GetElapsedTime(started).TotalSeconds * perSecond);
                for (var n = 0; done < due && n < MaxPerTick && !cancellationToken.IsCancellationRequested; n++, done++)
                {
                    Step();
                    Interlocked.Increment(ref _changes);
                }

                done = Math.Max(done, due - MaxPerTick);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
