using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rapport.Hub.Security;

namespace Rapport.Web.Keys;

/// <summary>
/// Data Protection as every Rapport process that reads or writes secrets sets it up: one application name, the key ring
/// in the hub's database, each key sealed with the master key on its way there.
/// </summary>
internal static class KeyRingProtection
{
    /// <summary>Part of every protected payload's purpose: two processes must agree on it to read each other's.</summary>
    public const string ApplicationName = "Rapport";

    public static IServiceCollection AddRapportDataProtection(this IServiceCollection services, MasterKey key)
    {
        services.TryAddSingleton(key);
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new HubXmlRepository(provider.GetRequiredService<IKeyRingStore>());
            o.XmlEncryptor = new MasterKeyXmlEncryptor(key);
        }));
        return services;
    }

    /// <summary>
    /// Loads the ring now, making its first key if it has none: a second node started later on the same PostgreSQL then
    /// finds sealed keys and refuses to start without their master key, instead of making a ring of its own.
    /// </summary>
    public static void EnsureKey(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Rapport.KeyRing.Ready").Protect("ready");
}
