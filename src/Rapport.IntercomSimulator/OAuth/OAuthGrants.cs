using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Rapport.IntercomSimulator.OAuth;

/// <summary>Authorization codes waiting to be exchanged and the access tokens minted from them.</summary>
internal sealed class OAuthGrants(TimeProvider time, TimeSpan codeLifetime)
{
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _tokens = new(StringComparer.Ordinal);
    private long _issued;

    public enum Outcome
    {
        Exchanged,
        UnknownCode,
        Expired,
        WrongClient,
    }

    /// <summary>
    /// Codes are base64 like Intercom's and every other one, starting with the first, ends in '=' (17 random bytes pad
    /// to one '=', 18 need none): a client that trims the code, or decodes '+' as a space, fails the exchange
    /// (Intercom's "Setting up OAuth" page warns that the code may end in '=').
    /// </summary>
    public string IssueCode(string clientId)
    {
        var padded = Interlocked.Increment(ref _issued) % 2 == 1;
        var code = Convert.ToBase64String(RandomNumberGenerator.GetBytes(padded ? 17 : 18));
        _codes[code] = new PendingCode(clientId, time.GetUtcNow() + codeLifetime);
        return code;
    }

    /// <summary>A code is single-use: it is spent by the first exchange that authenticates the client, expired or not.</summary>
    public (Outcome Outcome, string? Token) Exchange(string code, string clientId)
    {
        if (!_codes.TryGetValue(code, out var pending)) { return (Outcome.UnknownCode, null); }
        if (!string.Equals(pending.ClientId, clientId, StringComparison.Ordinal)) { return (Outcome.WrongClient, null); }
        if (!_codes.TryRemove(new KeyValuePair<string, PendingCode>(code, pending))) { return (Outcome.UnknownCode, null); }
        if (time.GetUtcNow() > pending.ExpiresAt) { return (Outcome.Expired, null); }

        var token = Convert.ToBase64String([.. "tok:"u8, .. RandomNumberGenerator.GetBytes(33)]);
        _tokens[token] = 0;
        return (Outcome.Exchanged, token);
    }

    public bool IsToken(string token) => _tokens.ContainsKey(token);

    /// <summary>What an admin uninstalling the app does: every token minted so far stops working.</summary>
    public int RevokeAll()
    {
        var count = _tokens.Count;
        _tokens.Clear();
        return count;
    }

    private sealed record PendingCode(string ClientId, DateTimeOffset ExpiresAt);
}
