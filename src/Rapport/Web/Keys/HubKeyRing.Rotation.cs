using Rapport.Configuration;
using Rapport.Web.Integration;
using Rapport.Hub.Security;
using Rapport.Hub.Sync;

namespace Rapport.Web.Keys;

/// <summary>A master key rotation: how many ring elements were wrapped anew, the new key, and where the old one went.</summary>
internal sealed record MasterKeyRotation(int Wrapped, MasterKey Old, MasterKey New, string? Backup);

/// <summary>A key ring forgotten because its master key is lost: how many elements it had, and where the key file that did not open it went.</summary>
internal sealed record KeyRingReset(int Forgotten, string? SetAside);

internal static partial class HubKeyRing
{
    /// <summary>
    /// Wraps every key of the ring with a new master key, in one transaction. The new key is written beside the old one
    /// first (<c>.new</c>), so a crash before the swap leaves the key the ring needs on disk, and the error at the next
    /// start names it; then the old file becomes a dated backup and the new one takes its place.
    /// </summary>
    public static async Task<MasterKeyRotation> RotateAsync(
        IKeyRingStore keyRingStore, MasterKeyLocation location, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        var ring = await ReadAsync(keyRingStore, cancellationToken);
        var old = location.TryRead()
            ?? (SealedWith(ring) is { Count: > 0 } needed
                ? throw Missing(location, needed)
                : throw new SettingsException($"there is no master key to rotate: {location.File} does not exist (a hub makes its master key on its first start)"));
        Check(ring, old, location);

        var next = MasterKey.Generate();
        var wrapped = ring.Select(e => Stored(e.Name, KeyRingXml.Wrap(e.Xml, old, next))).ToList();
        if (location.InEnvironment)
        {
            await keyRingStore.SaveDataProtectionKeysAsync(wrapped, cancellationToken);
            return new MasterKeyRotation(wrapped.Count, old, next, null);
        }

        var pending = location.File + ".new";
        // A .new left by a rotation that failed before its commit opens nothing: the ring was just checked against the old key.
        File.Delete(pending);
        MasterKeyLocation.WriteFile(pending, next);
        try
        {
            await keyRingStore.SaveDataProtectionKeysAsync(wrapped, cancellationToken);
        }
        catch
        {
            File.Delete(pending);
            throw;
        }

        var backup = $"{location.File}.{Stamp(timeProvider)}.old";
        File.Move(location.File, backup);
        File.Move(pending, location.File);
        return new MasterKeyRotation(wrapped.Count, old, next, backup);
    }

    /// <summary>
    /// Forgets the key ring and the Intercom connection whose token only it could open, and sets the key file aside, so
    /// that the next start makes a new master key and a new ring. For a master key lost for good; nothing else is touched.
    /// </summary>
    public static async Task<KeyRingReset> ResetAsync(
        IKeyRingStore keyRingStore, ISyncStateStore syncState, MasterKeyLocation location, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        await syncState.SetSyncStateAsync(IntercomConnectionRecord.StateKey, null, cancellationToken);
        var forgotten = await keyRingStore.DeleteDataProtectionKeysAsync(cancellationToken);
        if (location.InEnvironment || !File.Exists(location.File))
            return new KeyRingReset(forgotten, null);
        var setAside = $"{location.File}.{Stamp(timeProvider)}.unused";
        File.Move(location.File, setAside);
        return new KeyRingReset(forgotten, setAside);
    }

    private static string Stamp(TimeProvider timeProvider) =>
        timeProvider.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
