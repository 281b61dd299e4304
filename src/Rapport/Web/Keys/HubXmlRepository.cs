using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Rapport.Hub.Security;

namespace Rapport.Web.Keys;

/// <summary>
/// Data Protection's key ring in the hub's database: every node of a scaled-out hub, and every CLI command, decrypts
/// what another encrypted (the stored Intercom token, session cookies). Each key's secret is stored sealed with the master
/// key kept outside the database (<see cref="MasterKeyXmlEncryptor"/>), so the database alone opens nothing.
/// </summary>
internal sealed class HubXmlRepository(IKeyRingStore store) : IXmlRepository
{
    // IXmlRepository is synchronous; it is called when the key ring loads or rotates (rarely), never per request.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.ListDataProtectionKeysAsync().GetAwaiter().GetResult().Select(key => XElement.Parse(key.Xml))];

    public void StoreElement(XElement element, string friendlyName) =>
        store.SaveDataProtectionKeyAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
}
