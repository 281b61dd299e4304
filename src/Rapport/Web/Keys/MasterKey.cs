using System.Security.Cryptography;
using System.Text;

namespace Rapport.Web.Keys;

/// <summary>
/// The key that seals Data Protection's key ring, kept outside the hub's database (a file of mode 0600, or
/// <c>RAPPORT_MASTER_KEY</c>): 256 random bits, written as base64. Secrets are sealed with AES-256-GCM, so a wrong key or an
/// altered row is refused rather than read as garbage.
/// </summary>
internal sealed class MasterKey
{
    private const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    // Ties every sealed secret to this use of the key, should the same bits ever serve anything else.
    private static readonly byte[] Purpose = "Rapport master key v1: Data Protection key ring"u8.ToArray();

    private readonly byte[] _key;

    private MasterKey(byte[] key)
    {
        _key = key;
        // A fingerprint, not the key: shown in messages and stored beside each sealed secret to say which key it needs.
        Id = Convert.ToHexStringLower(SHA256.HashData([.. Purpose, .. key])[..8]);
    }

    /// <summary>Sixteen hex digits naming this key; safe to print and store.</summary>
    public string Id { get; }

    /// <summary>The key as written in its file or in <c>RAPPORT_MASTER_KEY</c>.</summary>
    public string Text => Convert.ToBase64String(_key);

    public static MasterKey Generate() => new(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>The key written as <see cref="Text"/>; null when <paramref name="text"/> is not one.</summary>
    public static MasterKey? TryParse(string text)
    {
        var bytes = new byte[KeyBytes + 1];
        return Convert.TryFromBase64String(text.Trim(), bytes, out var written) && written == KeyBytes ? new MasterKey(bytes[..KeyBytes]) : null;
    }

    /// <summary>Nonce, tag and ciphertext of <paramref name="plaintext"/>, as one base64 string.</summary>
    public string Seal(string plaintext)
    {
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceBytes + TagBytes + clear.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, clear, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), Purpose);
        CryptographicOperations.ZeroMemory(clear);
        return Convert.ToBase64String(sealedBytes);
    }

    /// <exception cref="CryptographicException">Sealed with another key, or altered since.</exception>
    public string Open(string sealedText)
    {
        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(sealedText);
        }
        catch (FormatException error)
        {
            throw new CryptographicException("The sealed secret is not base64.", error);
        }
        if (sealedBytes.Length < NonceBytes + TagBytes)
            throw new CryptographicException("The sealed secret is too short.");

        var clear = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(_key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), clear, Purpose);
        try
        {
            return Encoding.UTF8.GetString(clear);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }
}
