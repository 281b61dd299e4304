using System.Security.Cryptography;
using Dapper;
using Rapport.Hub.Security;
using Rapport.Hub.Team;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Security;

internal sealed partial class KeyRingStore(HubDatabase database) : IKeyRingStore
{
    public async Task<IReadOnlyList<DataProtectionKey>> ListDataProtectionKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Name, string Xml)>(Command("SELECT name, xml FROM data_protection_keys ORDER BY name", null, null, cancellationToken));
        return [.. rows.Select(r => new DataProtectionKey(r.Name, r.Xml))];
    }

    public Task SaveDataProtectionKeyAsync(string name, string xml, CancellationToken cancellationToken = default) =>
        SaveDataProtectionKeysAsync([new DataProtectionKey(name, xml)], cancellationToken);

    public Task SaveDataProtectionKeysAsync(IReadOnlyList<DataProtectionKey> keys, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            foreach (var key in keys)
            {
                await connection.ExecuteAsync(Command(
                    "INSERT INTO data_protection_keys (name, xml) VALUES (@Name, @Xml) ON CONFLICT (name) DO UPDATE SET xml = excluded.xml",
                    key, transaction, cancellationToken));
            }

            return keys.Count;
        }, null, cancellationToken);

    public Task<int> DeleteDataProtectionKeysAsync(CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) =>
            connection.ExecuteAsync(Command("DELETE FROM data_protection_keys", null, transaction, cancellationToken)), null, cancellationToken);
}
