namespace Rapport.Intercom.Http;

/// <summary>
/// Intercom allows one open company scroll per app
/// (https://developers.intercom.com/docs/references/rest-api/api.intercom.io/companies/scrolloverallcompanies);
/// scrolls of this container take turns instead of tripping over each other.
/// </summary>
internal sealed class IntercomScrollGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public Task WaitAsync(CancellationToken cancellationToken) => _semaphore.WaitAsync(cancellationToken);

    public void Release() => _semaphore.Release();

    public void Dispose() => _semaphore.Dispose();
}
