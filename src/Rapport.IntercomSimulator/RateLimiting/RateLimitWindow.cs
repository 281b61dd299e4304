namespace Rapport.IntercomSimulator.RateLimiting;

/// <summary>Intercom's limit: the per-minute budget split evenly into fixed 10-second windows
/// (https://developers.intercom.com/docs/references/rest-api/errors/rate-limiting). One token, so one counter.</summary>
internal sealed class RateLimitWindow(TimeProvider time, int? perMinute)
{
    private const int WindowSeconds = 10;
    private readonly Lock _sync = new();
    private long _windowStart = long.MinValue;
    private int _used;

    public int? PerMinute { get; private set; } = perMinute;

    public void Change(int? perMinute)
    {
        lock (_sync) { PerMinute = perMinute; }
    }

    /// <summary>Null when unthrottled (no headers are sent then).</summary>
    public Decision? Take(bool consume = true)
    {
        lock (_sync)
        {
            if (PerMinute is not { } perMinute) { return null; }
            var limit = Math.Max(1, perMinute / 6);
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            var windowStart = now - (((now % WindowSeconds) + WindowSeconds) % WindowSeconds);
            if (windowStart != _windowStart)
            {
                (_windowStart, _used) = (windowStart, 0);
            }

            var allowed = _used < limit;
            if (allowed && consume) { _used++; }
            return new Decision(allowed, limit, Math.Max(0, limit - _used), windowStart + WindowSeconds);
        }
    }

    public readonly record struct Decision(bool Allowed, int Limit, int Remaining, long Reset);
}
