using Rapport.Hub.Team;

namespace Rapport.Hub.Security;

/// <summary>The key ring that encrypts secrets at rest, stored in the hub so every node shares it.</summary>
public interface IKeyRingStore
{
    /// <summary>Forgets the whole key ring (its master key is lost); returns how many elements it had.</summary>
    Task<int> DeleteDataProtectionKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>The key ring's elements in name order.</summary>
    Task<IReadOnlyList<DataProtectionKey>> ListDataProtectionKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds the element, or replaces the one of that name.</summary>
    Task SaveDataProtectionKeyAsync(string name, string xml, CancellationToken cancellationToken = default);

    /// <summary>Several at once, in one transaction: a key ring wrapped anew is stored whole or not at all.</summary>
    Task SaveDataProtectionKeysAsync(IReadOnlyList<DataProtectionKey> keys, CancellationToken cancellationToken = default);
}
