using System.Xml.Linq;

namespace Rapport.Web.Keys;

/// <summary>
/// A key ring element as Data Protection stores it: a key's secret is either in the clear, marked
/// <c>requiresEncryption</c> (how Rapport kept it before master keys), or inside an <c>encryptedSecret</c> naming the
/// decryptor that opens it. Rapport's own are <see cref="SealedSecret"/>s.
/// </summary>
internal static class KeyRingXml
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";
    private static readonly XName DecryptorType = "decryptorType";

    public static bool HasSecretInTheClear(XElement element) => element.DescendantsAndSelf().Any(InTheClear);

    /// <summary>The master key ids of the secrets sealed in <paramref name="element"/>.</summary>
    public static IEnumerable<string> SealedWith(XElement element) =>
        element.Descendants(SealedSecret.ElementName).Select(s => SealedSecret.MasterKeyId(s) ?? "(none)");

    /// <summary>Opens every sealed secret once, so that a wrong key or an altered row shows now, not on some later request.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">One of them does not open with <paramref name="key"/>.</exception>
    public static void CheckOpens(XElement element, MasterKey key)
    {
        foreach (var sealedSecret in element.Descendants(SealedSecret.ElementName))
            SealedSecret.Open(key, sealedSecret);
    }

    /// <summary>
    /// A copy of <paramref name="element"/> whose secrets are all sealed with <paramref name="to"/>: those sealed before are
    /// opened with <paramref name="from"/> first, those in the clear are sealed as Data Protection would have sealed them.
    /// </summary>
    public static XElement Wrap(XElement element, MasterKey? from, MasterKey to)
    {
        var copy = new XElement(element);
        foreach (var sealedSecret in copy.Descendants(SealedSecret.ElementName).ToList())
        {
            var opener = from ?? throw new InvalidOperationException("A sealed secret needs the master key it was sealed with.");
            sealedSecret.ReplaceWith(SealedSecret.Create(to, SealedSecret.Open(opener, sealedSecret)));
        }

        foreach (var secret in copy.Descendants().Where(InTheClear).ToList())
        {
            secret.ReplaceWith(new XElement(EncryptedSecret,
                new XAttribute(DecryptorType, typeof(MasterKeyXmlDecryptor).AssemblyQualifiedName!),
                SealedSecret.Create(to, secret)));
        }

        return copy;
    }

    private static bool InTheClear(XElement element) =>
        string.Equals((string?)element.Attribute(RequiresEncryption), "true", StringComparison.OrdinalIgnoreCase);
}
