using System.Security.Cryptography;
using System.Text;
using Rapport.Hub.Sync;

namespace Rapport.Application.Segment;

/// <summary>
/// The write key Segment's libraries send as the Basic-auth user name. Generated on first use, shown on Settings →
/// Integrations → Segment, rotatable; the previous key stops working at once.
/// </summary>
public sealed class SegmentWriteKey(ISyncStateStore store)
{
    private const string Key = "segment.write_key";
    private volatile string? _current;

    public async Task<string> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } cached)
            return cached;
        var stored = await store.GetSyncStateAsync(Key, cancellationToken);
        if (stored is null)
        {
            stored = NewKey();
            await store.SetSyncStateAsync(Key, stored, cancellationToken);
        }

        return _current = stored;
    }

    public async Task<string> RotateAsync(CancellationToken cancellationToken = default)
    {
        var key = NewKey();
        await store.SetSyncStateAsync(Key, key, cancellationToken);
        return _current = key;
    }

    /// <summary>Constant-time comparison, so the key cannot be guessed byte by byte from response times.</summary>
    public async Task<bool> MatchesAsync(string? candidate, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(candidate))
            return false;
        var key = await GetAsync(cancellationToken);
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(key));
    }

    private static string NewKey() => "rsk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
