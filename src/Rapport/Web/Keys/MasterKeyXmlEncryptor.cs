using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Rapport.Web.Keys;

/// <summary>
/// Data Protection's extension point for keys at rest: every key it makes has its secret sealed with the master key before
/// the key reaches the database (https://learn.microsoft.com/aspnet/core/security/data-protection/implementation/key-encryption-at-rest).
/// </summary>
internal sealed class MasterKeyXmlEncryptor(MasterKey key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(SealedSecret.Create(key, plaintextElement), typeof(MasterKeyXmlDecryptor));
}
