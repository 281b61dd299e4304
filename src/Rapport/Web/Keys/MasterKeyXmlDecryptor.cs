using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Rapport.Web.Keys;

/// <summary>Opens what <see cref="MasterKeyXmlEncryptor"/> sealed, with the master key this process was given.</summary>
internal sealed class MasterKeyXmlDecryptor : IXmlDecryptor
{
    private readonly MasterKey _key;

    /// <summary>
    /// Data Protection makes decryptors itself, from the type named in the stored key, through a public constructor taking
    /// the app's services; the master key is one of them (<see cref="KeyRingProtection"/>).
    /// </summary>
    public MasterKeyXmlDecryptor(IServiceProvider services) => _key = services.GetRequiredService<MasterKey>();

    public XElement Decrypt(XElement encryptedElement) => SealedSecret.Open(_key, encryptedElement);
}
