using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Rapport.Hub.Storage;

namespace Rapport.Web.Auth;

/// <summary>
/// Data Protection's key ring in the hub's database: every node of a scaled-out hub, and every CLI command, decrypts
/// what another encrypted (the stored Intercom token, session cookies). The keys themselves are what protects; whoever
/// can read the database and the keys reads the secrets, which is the usual trade of a self-hosted app.
/// </summary>
internal sealed class HubXmlRepository(IHubStore store) : IXmlRepository
{
    // IXmlRepository is synchronous; it is called when the key ring loads or rotates (rarely), never per request.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.ListDataProtectionKeysAsync().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName) =>
        store.SaveDataProtectionKeyAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
}
