namespace Rapport.Intercom;

/// <summary>Counters shared by every <see cref="IntercomClient"/> of a container; safe to read at any time.</summary>
public sealed class IntercomClientStatistics
{
    private long _requestsSent;
    private long _retries;
    private long _rateLimited;
    private long _throttleWaits;
    private long _throttledTicks;

    /// <summary>HTTP requests that left the process, retries included.</summary>
    public long RequestsSent => Interlocked.Read(ref _requestsSent);

    /// <summary>Attempts repeated after a transient failure.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>429 responses seen.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Times a request waited for the rate-limit window to reset before being sent.</summary>
    public long ThrottleWaits => Interlocked.Read(ref _throttleWaits);

    /// <summary>Total time requests spent waiting for the rate-limit window.</summary>
    public TimeSpan TimeThrottled => TimeSpan.FromTicks(Interlocked.Read(ref _throttledTicks));

    internal void AddRequestSent() => Interlocked.Increment(ref _requestsSent);

    internal void AddRetry() => Interlocked.Increment(ref _retries);

    internal void AddRateLimited() => Interlocked.Increment(ref _rateLimited);

    internal void AddThrottleWait(TimeSpan waited)
    {
        Interlocked.Increment(ref _throttleWaits);
        Interlocked.Add(ref _throttledTicks, waited.Ticks);
    }

    public override string ToString() =>
        $"{RequestsSent} requests, {Retries} retries, {RateLimited} rate-limited, {ThrottleWaits} throttle waits ({TimeThrottled.TotalSeconds:0.0} s)";
}
