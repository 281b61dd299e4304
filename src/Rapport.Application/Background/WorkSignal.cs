using System.Threading.Channels;

namespace Rapport.Application.Background;

/// <summary>
/// Wakes a background worker right after work is stored for it, so the work starts within milliseconds rather than at
/// the worker's next poll. Wakes while the worker is busy fold into one.
/// </summary>
public class WorkSignal
{
    private readonly Channel<bool> _wakes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wakes.Writer.TryWrite(true);

    /// <summary>Returns on a wake or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, timeProvider, timer.Token);
        var woken = _wakes.Reader.WaitToReadAsync(timer.Token).AsTask();
        await Task.WhenAny(delay, woken);
        await timer.CancelAsync();
        _wakes.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
