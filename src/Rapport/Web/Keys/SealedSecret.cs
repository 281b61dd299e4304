using System.Security.Cryptography;
using System.Xml.Linq;

namespace Rapport.Web.Keys;

/// <summary>
/// A key's secret sealed with a master key, as stored inside Data Protection's <c>encryptedSecret</c> element:
/// <c>&lt;sealedByMasterKey masterKeyId="…"&gt;base64&lt;/sealedByMasterKey&gt;</c>. The id says which master key opens it,
/// so a wrong one is named at start instead of failing later.
/// </summary>
internal static class SealedSecret
{
    public static readonly XName ElementName = "sealedByMasterKey";

    private static readonly XName MasterKeyIdName = "masterKeyId";

    public static XElement Create(MasterKey key, XElement secret) =>
        new(ElementName, new XAttribute(MasterKeyIdName, key.Id), key.Seal(secret.ToString(SaveOptions.DisableFormatting)));

    /// <exception cref="CryptographicException">Sealed with another master key, or altered since.</exception>
    public static XElement Open(MasterKey key, XElement sealedSecret)
    {
        if (sealedSecret.Name != ElementName)
            throw new CryptographicException($"Expected a {ElementName} element, not {sealedSecret.Name}.");
        var id = MasterKeyId(sealedSecret);
        if (id != key.Id)
            throw new CryptographicException($"This secret was sealed with master key {id}, not with master key {key.Id}.");
        return XElement.Parse(key.Open(sealedSecret.Value));
    }

    public static string? MasterKeyId(XElement sealedSecret) => (string?)sealedSecret.Attribute(MasterKeyIdName);
}
