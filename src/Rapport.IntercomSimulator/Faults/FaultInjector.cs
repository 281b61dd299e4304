namespace Rapport.IntercomSimulator.Faults;

/// <summary>Queued faults: the next <c>count</c> API requests whose path starts with <c>path</c> get them, first queued first.</summary>
internal sealed class FaultInjector
{
    private readonly Lock _sync = new();
    private readonly List<Pending> _pending = [];
    private int _serverErrors;

    public void Add(FaultKind kind, int count, string? pathPrefix, TimeSpan delay)
    {
        lock (_sync) { _pending.Add(new Pending(kind, pathPrefix, delay) { Remaining = count }); }
    }

    public void Clear()
    {
        lock (_sync) { _pending.Clear(); }
    }

    public Fault? Take(string path)
    {
        lock (_sync)
        {
            var index = _pending.FindIndex(p => p.PathPrefix is null || path.StartsWith(p.PathPrefix, StringComparison.Ordinal));
            if (index < 0) { return null; }
            var pending = _pending[index];
            if (--pending.Remaining <= 0) { _pending.RemoveAt(index); }
            if (pending.Kind == FaultKind.Pass) { return null; }

            // server_error alternates 500, 502, 503 so clients see every retryable 5xx.
            var status = pending.Kind == FaultKind.ServerError ? (_serverErrors++ % 3) switch { 0 => 500, 1 => 502, _ => 503 } : 0;
            return new Fault(pending.Kind, pending.Delay, status);
        }
    }

    public readonly record struct Fault(FaultKind Kind, TimeSpan Delay, int Status);

    private sealed class Pending(FaultKind kind, string? pathPrefix, TimeSpan delay)
    {
        public FaultKind Kind { get; } = kind;

        public string? PathPrefix { get; } = pathPrefix;

        public TimeSpan Delay { get; } = delay;

        public int Remaining { get; set; }
    }
}
