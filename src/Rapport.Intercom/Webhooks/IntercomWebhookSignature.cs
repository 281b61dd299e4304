using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Rapport.Intercom.Webhooks;

/// <summary>
/// <c>X-Hub-Signature: sha1=&lt;40 hex&gt;</c>, the HMAC-SHA1 of the raw request body keyed with the app's client secret
/// (Intercom's webhook models reference, "Signed notifications":
/// https://developers.intercom.com/docs/references/2.16/webhooks/webhook-models).
/// Check it on the bytes as received, before parsing: re-serialized JSON would not match.
/// </summary>
public static class IntercomWebhookSignature
{
    public const string HeaderName = "X-Hub-Signature";

    private const string Prefix = "sha1=";
    private const int HashBytes = 20;

    /// <summary>False for a missing, malformed or wrong signature; never throws for anything the sender controls.</summary>
    public static bool IsValid(ReadOnlySpan<byte> rawBody, string? signatureHeader, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        var header = signatureHeader.AsSpan().Trim();
        if (header.Length != Prefix.Length + (2 * HashBytes) || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[HashBytes];
        if (Convert.FromHexString(header[Prefix.Length..], claimed, out _, out var written) != OperationStatus.Done || written != HashBytes)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[HashBytes];
        Hash(rawBody, clientSecret, actual);
        return CryptographicOperations.FixedTimeEquals(actual, claimed);
    }

    /// <summary>The header value Intercom would send for <paramref name="rawBody"/>, e.g. <c>sha1=4f1b…</c>.</summary>
    public static string Sign(ReadOnlySpan<byte> rawBody, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        Span<byte> hash = stackalloc byte[HashBytes];
        Hash(rawBody, clientSecret, hash);
        return Prefix + Convert.ToHexStringLower(hash);
    }

    // SHA-1 is Intercom's choice, not ours; HMAC-SHA1 is still sound as a MAC (RFC 2104, RFC 6151 §2).
    private static void Hash(ReadOnlySpan<byte> rawBody, string clientSecret, Span<byte> destination) =>
        HMACSHA1.HashData(Encoding.UTF8.GetBytes(clientSecret), rawBody, destination);
}
