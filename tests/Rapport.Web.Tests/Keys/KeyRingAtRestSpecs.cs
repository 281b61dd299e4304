using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Web.Keys;

namespace Rapport.Web.Tests.Keys;

/// <summary>
/// Whoever has the hub's database (the SQLite file, a copy of it, a dump of the PostgreSQL schema) and
/// Rapport's source code, but not the master key kept outside it, cannot read the stored Intercom token.
/// </summary>
public sealed class KeyRingAtRestSpecs
{
    private const string TokenPurpose = "Rapport.Intercom.AccessToken.v1";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(HubDatabase.Providers), MemberType = typeof(HubDatabase))]
    public async Task A_copy_of_the_database_alone_does_not_open_the_stored_Intercom_token(string provider)
    {
        await using var database = await HubDatabase.CreateAsync(provider);
        // SQLite's key file is beside the database by default; a PostgreSQL hub's is named here, as its config would.
        var keyFile = Path.Combine(database.Folder, provider == HubDatabase.Sqlite ? "hub.masterkey" : "rapport.masterkey");
        await using (var hub = await WebHub.StartAsync(
            null, o => o with { Database = database.Database, MasterKeyFile = provider == HubDatabase.Sqlite ? null : keyFile }, Cancel))
        {
            await hub.ConnectWithTokenAsync(await hub.TokenClientAsync(TeamRole.Admin));
        }

        var (keyRing, protectedToken) = await StolenAsync(database);

        keyRing.ShouldNotBeEmpty();
        keyRing.ShouldAllBe(xml => !XElement.Parse(xml).Descendants().Any(e => e.Name.LocalName == "masterKey"),
            "no key of the ring is stored in the clear");
        var thief = ProviderFrom(keyRing, masterKey: null);
        Should.Throw<CryptographicException>(() => thief.CreateProtector(TokenPurpose).Unprotect(protectedToken));
        var masterKey = MasterKeyLocation.ReadFile(keyFile).ShouldNotBeNull();
        keyRing.ShouldAllBe(xml => !xml.Contains(masterKey.Text));
        ProviderFrom(keyRing, masterKey).CreateProtector(TokenPurpose).Unprotect(protectedToken).ShouldBe("sim_token");
    }

    /// <summary>What a thief reads with a plain SQL client: the key ring's rows and the stored connection's encrypted token.
    /// SQLite is read from a copy of the file in another folder, as a stolen backup would be.</summary>
    private static async Task<(List<string> KeyRing, string ProtectedToken)> StolenAsync(HubDatabase database)
    {
        await using var copy = database.Provider == HubDatabase.Sqlite ? await CopyAsync(database) : null;
        var source = copy ?? database;
        var keyRing = await source.QueryAsync<string>("SELECT xml FROM data_protection_keys");
        var connection = (await source.QueryAsync<string>("SELECT value FROM sync_state WHERE key = 'intercom.connection'")).ShouldHaveSingleItem();
        return (keyRing, JsonDocument.Parse(connection).RootElement.GetProperty("protectedToken").GetString()!);
    }

    private static async Task<HubDatabase> CopyAsync(HubDatabase database)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var copy = await HubDatabase.CreateAsync(HubDatabase.Sqlite);
        File.Copy(database.Database, copy.Database);
        return copy;
    }

    /// <summary>Data Protection as Rapport's source code sets it up, over nothing but the rows read from the database (and the master key, when given).</summary>
    private static IDataProtectionProvider ProviderFrom(IReadOnlyList<string> keyRing, MasterKey? masterKey)
    {
        var services = new ServiceCollection();
        if (masterKey is not null)
            services.AddSingleton(masterKey);
        services.AddDataProtection().SetApplicationName("Rapport").DisableAutomaticKeyGeneration();
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new Rows(keyRing));
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }

    private sealed class Rows(IReadOnlyList<string> xml) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => [.. xml.Select(x => XElement.Parse(x))];

        public void StoreElement(XElement element, string friendlyName) { }
    }
}
