using System.Security.Cryptography;
using System.Xml.Linq;
using Rapport.Configuration;
using Rapport.Hub.Team;
using Rapport.Hub.Security;
using Rapport.Hub.Sync;

namespace Rapport.Web.Keys;

/// <summary>What opening the key ring found: the master key to use, and what to tell the operator.</summary>
internal sealed record KeyRingOpening(MasterKey Key, IReadOnlyList<string> Notices);

/// <summary>
/// The hub's key ring and its master key, checked before Data Protection reads either: a hub whose keys need a master key
/// it was not given stops with a message saying which and what to do, never making a new key ring that would lose the
/// stored tokens. A ring stored in the clear, as Rapport kept it before master keys, is sealed on the spot.
/// </summary>
internal static partial class HubKeyRing
{
    private const string ResetHint =
        "if it is lost for good, `rapport keys reset --yes` starts a new key ring, and the Intercom token has to be entered again";

    public static async Task<KeyRingOpening> OpenAsync(IKeyRingStore keyRingStore, MasterKeyLocation location, CancellationToken cancellationToken = default)
    {
        var ring = await ReadAsync(keyRingStore, cancellationToken);
        var notices = new List<string>();
        var key = location.TryRead();
        if (key is null)
        {
            if (SealedWith(ring) is { Count: > 0 } needed)
                throw Missing(location, needed);
            key = Create(location, notices);
        }
        else if (location.LooseModeWarning() is { } warning)
        {
            notices.Add(warning);
        }

        Check(ring, key, location);

        var clear = ring.Where(e => KeyRingXml.HasSecretInTheClear(e.Xml)).ToList();
        if (clear.Count > 0)
        {
            await keyRingStore.SaveDataProtectionKeysAsync([.. clear.Select(e => Stored(e.Name, KeyRingXml.Wrap(e.Xml, key, key)))], cancellationToken);
            notices.Add(
                $"Encrypted the key ring with the master key {location.Describe()}: {clear.Count} of its keys had been stored in the clear. " +
                "Copies of the database made before now still hold them in the clear: delete those copies.");
        }

        return new KeyRingOpening(key, notices);
    }

    private static async Task<List<(string Name, XElement Xml)>> ReadAsync(IKeyRingStore keyRingStore, CancellationToken cancellationToken) =>
        [.. (await keyRingStore.ListDataProtectionKeysAsync(cancellationToken)).Select(k => (k.Name, XElement.Parse(k.Xml)))];

    private static HashSet<string> SealedWith(IEnumerable<(string Name, XElement Xml)> ring) =>
        [.. ring.SelectMany(e => KeyRingXml.SealedWith(e.Xml))];

    private static DataProtectionKey Stored(string name, XElement xml) => new(name, xml.ToString(SaveOptions.DisableFormatting));

    private static MasterKey Create(MasterKeyLocation location, List<string> notices)
    {
        var key = MasterKey.Generate();
        try
        {
            MasterKeyLocation.WriteFile(location.File, key);
        }
        catch (SettingsException) when (File.Exists(location.File))
        {
            // Another process on this hub made it a moment ago: one key for both.
            return location.TryRead()!;
        }

        notices.Add(
            $"Made the master key that encrypts this hub's key ring: {location.File} (readable by its owner only). " +
            "Keep a copy of it apart from the database's backups: without it the stored Intercom token cannot be read.");
        return key;
    }

    /// <summary>Every sealed secret opens with <paramref name="key"/>, or the operator is told which key the ring needs.</summary>
    private static void Check(IReadOnlyList<(string Name, XElement Xml)> ring, MasterKey key, MasterKeyLocation location)
    {
        var needed = SealedWith(ring);
        if (needed.Any(id => id != key.Id))
            throw Wrong(location, key, needed);
        foreach (var (name, xml) in ring)
        {
            try
            {
                KeyRingXml.CheckOpens(xml, key);
            }
            catch (CryptographicException error)
            {
                throw new SettingsException(
                    $"the key ring's element {name} does not open with the master key {location.Describe()} although it names it: the database was altered or damaged. Restore it from a backup; {ResetHint}.", error);
            }
        }
    }

    private static SettingsException Missing(MasterKeyLocation location, IReadOnlySet<string> needed) => new(
        $"this hub's key ring is encrypted with master key {string.Join(", ", needed)}, and there is no master key: " +
        $"{MasterKeyLocation.Variable} is not set and {location.File} does not exist. Restore the key file from your backup " +
        $"(or point {MasterKeyLocation.FileSetting}, {MasterKeyLocation.FileVariable} or --master-key-file at it, or set {MasterKeyLocation.Variable}); " +
        $"{ResetHint}.{Candidates(location, needed)}");

    private static SettingsException Wrong(MasterKeyLocation location, MasterKey key, IReadOnlySet<string> needed) => new(
        $"the master key in {location.Describe()} (id {key.Id}) does not open this hub's key ring, which needs master key " +
        $"{string.Join(", ", needed.Where(id => id != key.Id))}. Give Rapport the key the ring was encrypted with, e.g. from your backup; " +
        $"{ResetHint}.{Candidates(location, needed)}");

    /// <summary>Files beside the key file that hold a key the ring needs: a backup, or the new key of an interrupted rotation.</summary>
    private static string Candidates(MasterKeyLocation location, IReadOnlySet<string> needed)
    {
        if (Path.GetDirectoryName(location.File) is not { } directory || !Directory.Exists(directory))
            return "";
        var found = Directory.EnumerateFiles(directory, Path.GetFileName(location.File) + "*")
            .Where(path => path != location.File && TryId(path) is { } id && needed.Contains(id))
            .Order(StringComparer.Ordinal)
            .ToList();
        return found.Count == 0 ? "" : $" {string.Join(" and ", found)} holds that key: move it to {location.File}.";
    }

    private static string? TryId(string path)
    {
        try
        {
            return MasterKeyLocation.ReadFile(path)?.Id;
        }
        catch (SettingsException)
        {
            return null;
        }
    }
}
