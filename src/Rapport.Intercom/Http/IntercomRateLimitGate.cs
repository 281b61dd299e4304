using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Rapport.Intercom.Http;

/// <summary>
/// Proactive rate limiting shared by every request of the container: Intercom counts calls per app in 10-second windows
/// and reports the budget in <c>X-RateLimit-Limit/Remaining/Reset</c> on every authenticated response
/// (https://developers.intercom.com/docs/references/rest-api/errors/rate-limiting). Senders spend a local estimate of the
/// window's budget, corrected by each response; when it is spent they wait for the reset instead of collecting 429s.
/// Until the first response tells the budget, one request at a time goes out as a probe.
/// </summary>
internal sealed class IntercomRateLimitGate(TimeProvider timeProvider, IntercomClientStatistics statistics)
{
    // Past the reset, some slack so a clock a little ahead of Intercom's does not hit the old window.
    private static readonly TimeSpan ResetSlack = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxSignalWait = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private Mode _mode = Mode.Probing;
    private int _limit;
    private int _budget;
    private int _inFlight;
    private DateTimeOffset _resetAt;

    // True once the local clock passed _resetAt and the budget was refilled before any response of the new window arrived.
    private bool _assumedFresh;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private enum Mode
    {
        Probing,
        Unlimited,
        Limited,
    }

    /// <summary>Waits until a request may be sent; pair with <see cref="Exit"/>.</summary>
    public async ValueTask EnterAsync(CancellationToken cancellationToken)
    {
        var throttled = TimeSpan.Zero;
        while (true)
        {
            TimeSpan wait;
            Task changed;
            var forBudget = false;
            lock (_lock)
            {
                var now = timeProvider.GetUtcNow();
                if (_mode == Mode.Limited && !_assumedFresh && now >= _resetAt + ResetSlack)
                {
                    _budget = _limit;
                    _assumedFresh = true;
                }

                var mayGo = _mode switch
                {
                    Mode.Unlimited => true,
                    Mode.Probing => _inFlight == 0,
                    // With the refilled budget spent and nothing in flight, only a probe can learn the new window.
                    _ => _budget > 0 || (_assumedFresh && _inFlight == 0),
                };
                if (mayGo)
                {
                    _budget--;
                    _inFlight++;
                    break;
                }

                changed = _changed.Task;
                forBudget = _mode == Mode.Limited && !_assumedFresh;
                wait = forBudget ? _resetAt + ResetSlack + Jitter() - now : MaxSignalWait;
            }

            var started = timeProvider.GetTimestamp();
            try
            {
                if (forBudget)
                {
                    await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await changed.WaitAsync(wait, timeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (TimeoutException)
            {
            }

            if (forBudget)
            {
                throttled += timeProvider.GetElapsedTime(started);
            }
        }

        if (throttled > TimeSpan.Zero)
        {
            statistics.AddThrottleWait(throttled);
        }
    }

    /// <summary>The request got its response headers (<paramref name="response"/>) or failed without any (null).</summary>
    public void Exit(HttpResponseMessage? response)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _inFlight--;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (response is not null)
            {
                Observe(response);
            }
        }

        changed.TrySetResult();
    }

    private void Observe(HttpResponseMessage response)
    {
        if (!TryRead(response.Headers, out var limit, out var remaining, out var reset))
        {
            // 401s carry no headers (Intercom's rate limiting page: only authenticated responses do); a success without
            // them means no limit applies (e.g. the simulator, unthrottled).
            if (_mode == Mode.Probing || response.IsSuccessStatusCode)
            {
                _mode = Mode.Unlimited;
            }

            return;
        }

        if (_mode != Mode.Limited || reset > _resetAt)
        {
            _mode = Mode.Limited;
            _resetAt = reset;
            _assumedFresh = false;
            _budget = remaining - _inFlight;
        }
        else if (reset == _resetAt && !_assumedFresh)
        {
            _budget = Math.Min(_budget, remaining - _inFlight);
        }

        _limit = limit;
        if (response.StatusCode == HttpStatusCode.TooManyRequests && reset >= _resetAt)
        {
            _resetAt = reset;
            _assumedFresh = false;
            _budget = 0;
        }
    }

    internal static bool TryRead(HttpResponseHeaders headers, out int limit, out int remaining, out DateTimeOffset reset)
    {
        limit = remaining = 0;
        reset = default;
        if (!TryGetLong(headers, "X-RateLimit-Limit", out var limitValue)
            || !TryGetLong(headers, "X-RateLimit-Remaining", out var remainingValue)
            || !TryGetLong(headers, "X-RateLimit-Reset", out var resetValue))
        {
            return false;
        }

        limit = (int)Math.Clamp(limitValue, 0, int.MaxValue);
        remaining = (int)Math.Clamp(remainingValue, 0, int.MaxValue);
        reset = DateTimeOffset.FromUnixTimeSeconds(resetValue);
        return true;
    }

    internal static bool TryGetLong(HttpResponseHeaders headers, string name, out long value)
    {
        value = 0;
        return headers.TryGetValues(name, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private static TimeSpan Jitter() => TimeSpan.FromMilliseconds(Random.Shared.Next(0, 150));
}
