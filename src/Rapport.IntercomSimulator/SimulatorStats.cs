using System.Collections.Concurrent;

namespace Rapport.IntercomSimulator;

/// <summary>Counters of the API traffic (the same data as GET /_simulator/stats). Control API calls are not counted.</summary>
public sealed class SimulatorStats
{
    private readonly ConcurrentDictionary<string, long> _requests = new(StringComparer.Ordinal);
    private long _total;
    private long _rateLimited;
    private long _faultsInjected;
    private long _companiesCreated;
    private long _contactsCreated;
    private long _repliesCreated;
    private long _messagesCreated;
    private long _companiesUpdated;
    private long _contactsUpdated;

    /// <summary>Requests per "METHOD /route/{template}" (e.g. "GET /contacts/{contact_id}").</summary>
    public IReadOnlyDictionary<string, long> Requests => new Dictionary<string, long>(_requests, StringComparer.Ordinal);

    public long Total => Interlocked.Read(ref _total);

    /// <summary>Every 429 sent, whether from the rate limit or an injected fault.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    public long FaultsInjected => Interlocked.Read(ref _faultsInjected);

    public long CompaniesCreated => Interlocked.Read(ref _companiesCreated);

    public long ContactsCreated => Interlocked.Read(ref _contactsCreated);

    /// <summary>Admin replies and notes accepted by POST /conversations/{id}/reply.</summary>
    public long RepliesCreated => Interlocked.Read(ref _repliesCreated);

    /// <summary>Messages accepted by POST /messages.</summary>
    public long MessagesCreated => Interlocked.Read(ref _messagesCreated);
    /// <summary>Updates applied by PUT /companies/{id} (a refused or rate-limited request is not one).</summary>
    public long CompaniesUpdated => Interlocked.Read(ref _companiesUpdated);

    /// <summary>Updates applied by PUT /contacts/{id}.</summary>
    public long ContactsUpdated => Interlocked.Read(ref _contactsUpdated);

    public long RequestsTo(string route) => _requests.GetValueOrDefault(route);

    public void Reset()
    {
        _requests.Clear();
        Interlocked.Exchange(ref _total, 0);
        Interlocked.Exchange(ref _rateLimited, 0);
        Interlocked.Exchange(ref _faultsInjected, 0);
        Interlocked.Exchange(ref _companiesCreated, 0);
        Interlocked.Exchange(ref _contactsCreated, 0);
        Interlocked.Exchange(ref _repliesCreated, 0);
        Interlocked.Exchange(ref _messagesCreated, 0);
        Interlocked.Exchange(ref _companiesUpdated, 0);
        Interlocked.Exchange(ref _contactsUpdated, 0);
    }

    internal void CountRequest(string route)
    {
        _requests.AddOrUpdate(route, 1, static (_, n) => n + 1);
        Interlocked.Increment(ref _total);
    }

    internal void CountRateLimited() => Interlocked.Increment(ref _rateLimited);

    internal void CountFault() => Interlocked.Increment(ref _faultsInjected);

    internal void CountCompanyCreated() => Interlocked.Increment(ref _companiesCreated);

    internal void CountContactCreated() => Interlocked.Increment(ref _contactsCreated);

    internal void CountReplyCreated() => Interlocked.Increment(ref _repliesCreated);

    internal void CountMessageCreated() => Interlocked.Increment(ref _messagesCreated);
    internal void CountCompanyUpdated() => Interlocked.Increment(ref _companiesUpdated);

    internal void CountContactUpdated() => Interlocked.Increment(ref _contactsUpdated);
}
