using System.Collections.Concurrent;
using System.Diagnostics;

namespace Rapport.Benchmarks;

/// <summary>Records when each request leaves for Intercom, so the rate can be read over whole rate-limit windows.</summary>
internal sealed class CallClock
{
    private readonly ConcurrentQueue<DateTimeOffset> _sent = new();

    public DelegatingHandler Handler() => new Recorder(this);

    /// <summary>
    /// Calls sent within the whole 10-second windows from <paramref name="start"/> on, and how many windows that is. The
    /// last, partial window is left out: a burst at its start says nothing about the sustained rate.
    /// </summary>
    public (int Calls, int Windows) InWholeWindows(DateTimeOffset start, TimeSpan window)
    {
        var last = _sent.Max();
        var windows = (int)Math.Floor((last - start) / window);
        var end = start + windows * window;
        return (_sent.Count(t => t >= start && t < end), windows);
    }

    /// <summary>Forgets what was sent so far: the next measurement starts now.</summary>
    public void Clear() => _sent.Clear();

    /// <summary>The first window boundary (windows are aligned to multiples of their length) after the first call sent.</summary>
    public DateTimeOffset FirstWindowAfterFirstCall(TimeSpan window)
    {
        var first = _sent.Min().ToUnixTimeMilliseconds();
        var length = (long)window.TotalMilliseconds;
        return DateTimeOffset.FromUnixTimeMilliseconds((first / length + 1) * length);
    }

    private sealed class Recorder(CallClock clock) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            clock._sent.Enqueue(DateTimeOffset.UtcNow);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
