namespace Rapport.IntercomSimulator.Companies;

/// <summary>The scroll API's state: one open scroll per app, expiring after <c>expiry</c> unused, closed when it reaches the end
/// (spec GET /companies/scroll description).</summary>
internal sealed class CompanyScrolls(TimeProvider time, TimeSpan expiry)
{
    private readonly Lock _sync = new();
    private Scroll? _open;

    /// <summary>Opens a scroll over a snapshot of the company ids, or null when one is already open.</summary>
    public string? TryOpen(IReadOnlyList<string> companyIds)
    {
        lock (_sync)
        {
            var now = time.GetUtcNow();
            if (_open is { } open && now - open.LastUsed < expiry) { return null; }
            _open = new Scroll(Guid.NewGuid().ToString(), companyIds) { LastUsed = now };
            return _open.Param;
        }
    }

    /// <summary>The next page of ids, or null when the param is unknown or expired. An empty page closes the scroll.</summary>
    public IReadOnlyList<string>? Next(string param, int pageSize)
    {
        lock (_sync)
        {
            var now = time.GetUtcNow();
            if (_open is not { } open || open.Param != param) { return null; }
            if (now - open.LastUsed >= expiry)
            {
                _open = null;
                return null;
            }

            var count = Math.Min(pageSize, open.CompanyIds.Count - open.Position);
            var page = open.CompanyIds.Skip(open.Position).Take(count).ToArray();
            open.Position += count;
            open.LastUsed = now;
            if (page.Length == 0) { _open = null; }
            return page;
        }
    }

    public void Clear()
    {
        lock (_sync) { _open = null; }
    }

    private sealed class Scroll(string param, IReadOnlyList<string> companyIds)
    {
        public string Param { get; } = param;

        public IReadOnlyList<string> CompanyIds { get; } = companyIds;

        public int Position { get; set; }

        public DateTimeOffset LastUsed { get; set; }
    }
}
