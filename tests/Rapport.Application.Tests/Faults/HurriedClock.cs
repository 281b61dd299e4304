namespace Rapport.Application.Tests.Faults;

/// <summary>
/// The fault specs' clock, shared by the simulator, the client and the importer. It runs with real time, but a wait
/// shorter than the horizon takes none: its timer fires as soon as no request is in flight, and moves the clock to the
/// timer's due time. A 429 storm waited out to each <c>X-RateLimit-Reset</c>, a broken scroll left to expire and backoffs
/// add up to virtual minutes in real milliseconds, in the order they would have happened. Holding timers while a request
/// is in flight keeps a poll (the rate-limit gate's) from racing the clock ahead of an answer it is waiting for. Longer
/// timers (the per-attempt request timeout, set past the horizon) run in real time.
/// </summary>
internal sealed class HurriedClock(TimeSpan horizon) : TimeProvider
{
    private readonly Lock _sync = new();
    private readonly TimeSpan _horizon = horizon;
    private TimeSpan _ahead;
    private int _inFlight;
    private TaskCompletionSource _idle = Idle();

    /// <summary>How far the clock has run ahead of real time.</summary>
    public TimeSpan Ahead
    {
        get { lock (_sync) return _ahead; }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_sync) return System.GetUtcNow() + _ahead;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new HurriedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Goes into the client's handlers: the clock holds its timers while a request is in flight.</summary>
    public DelegatingHandler TrackRequests() => new RequestTracker(this);

    private static TaskCompletionSource Idle()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    private Task IdleAsync()
    {
        lock (_sync) return _idle.Task;
    }

    private void MoveTo(DateTimeOffset due)
    {
        lock (_sync)
        {
            var now = System.GetUtcNow() + _ahead;
            if (due > now)
                _ahead += due - now;
        }
    }

    private sealed class HurriedTimer(HurriedClock clock, TimerCallback callback, object? state) : ITimer
    {
        private readonly Lock _sync = new();
        private int _generation;
        private ITimer? _real;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            int current;
            lock (_sync)
            {
                current = ++_generation;
                _real?.Dispose();
                _real = null;
                if (dueTime == Timeout.InfiniteTimeSpan)
                    return true;
                if (dueTime >= clock._horizon)
                {
                    _real = System.CreateTimer(callback, state, dueTime, period);
                    return true;
                }
            }

            _ = FireAsync(current, clock.GetUtcNow() + dueTime, period);
            return true;
        }

        private async Task FireAsync(int expected, DateTimeOffset due, TimeSpan period)
        {
            while (true)
            {
                // Real time, briefly: whoever set the timer finishes setting up around it first.
                await Task.Delay(1).ConfigureAwait(false);
                await clock.IdleAsync().ConfigureAwait(false);
                lock (_sync)
                {
                    if (_generation != expected)
                        return;
                }

                clock.MoveTo(due);
                callback(state);
                if (period <= TimeSpan.Zero)
                    return;
                due += period;
            }
        }

        public void Dispose()
        {
            lock (_sync)
            {
                _generation++;
                _real?.Dispose();
                _real = null;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class RequestTracker(HurriedClock clock) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (clock._sync)
            {
                if (clock._inFlight++ == 0)
                    clock._idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                TaskCompletionSource? done = null;
                lock (clock._sync)
                {
                    if (--clock._inFlight == 0)
                        done = clock._idle;
                }

                done?.TrySetResult();
            }
        }
    }
}
