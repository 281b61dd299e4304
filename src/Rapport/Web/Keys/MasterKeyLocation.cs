using Rapport.Storage.Database;
using Rapport.Configuration;

namespace Rapport.Web.Keys;

/// <summary>
/// Where a hub's master key is: <c>RAPPORT_MASTER_KEY</c> when it is set, else a key file — by default beside the SQLite
/// database (<c>hub.db</c> → <c>hub.masterkey</c>), or for PostgreSQL <c>rapport.masterkey</c> beside the config file
/// (else in the working directory).
/// </summary>
internal sealed record MasterKeyLocation(string File, string? Value)
{
    public const string Variable = "RAPPORT_MASTER_KEY";
    public const string FileVariable = "RAPPORT_MASTER_KEY_FILE";
    public const string FileSetting = "security.masterKeyFile";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static MasterKeyLocation For(RapportWebOptions options) =>
        new(Path.GetFullPath(options.MasterKeyFile ?? DefaultFile(options.Database, configFile: null)), options.MasterKey);

    public static string DefaultFile(string database, string? configFile) =>
        HubDatabase.SqliteFile(database) is { } sqlite
            ? Path.ChangeExtension(sqlite, ".masterkey")
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configFile ?? "rapport.json"))!, "rapport.masterkey");

    public bool InEnvironment => Value is not null;

    /// <summary>How messages name it: the variable, or the file's path.</summary>
    public string Describe() => InEnvironment ? Variable : File;

    /// <summary>The key, or null when there is none (no variable, no file).</summary>
    /// <exception cref="SettingsException">There is one, but it cannot be read or is not a master key.</exception>
    public MasterKey? TryRead()
    {
        if (Value is not null)
            return MasterKey.TryParse(Value) ?? throw new SettingsException($"{Variable} is not a master key: it must be 32 bytes in base64, as Rapport writes its key files");
        if (!System.IO.File.Exists(File))
            return null;
        return ReadFile(File) ?? throw new SettingsException($"master key file {File} does not hold a master key (32 bytes in base64): restore it from your backup");
    }

    /// <summary>The key in <paramref name="path"/>, or null when it holds none; throws naming the file when it cannot be read.</summary>
    public static MasterKey? ReadFile(string path)
    {
        try
        {
            return MasterKey.TryParse(System.IO.File.ReadAllText(path));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"master key file {path}: {error.Message}", error);
        }
    }

    /// <summary>Writes <paramref name="key"/> to a new file only its owner can read, synced to disk; fails if the file exists.</summary>
    public static void WriteFile(string path, MasterKey key)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } directory)
            Directory.CreateDirectory(directory);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly;
        try
        {
            using var stream = new FileStream(path, options);
            using (var writer = new StreamWriter(stream, leaveOpen: true))
                writer.WriteLine(key.Text);
            stream.Flush(flushToDisk: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"cannot write the master key file {path}: {error.Message}", error);
        }
    }

    /// <summary>Set when others than the owner may read the key file, which they should not.</summary>
    public string? LooseModeWarning() =>
        InEnvironment || OperatingSystem.IsWindows() || !System.IO.File.Exists(File) || (System.IO.File.GetUnixFileMode(File) & ~OwnerOnly & ~UnixFileMode.UserExecute) == 0
            ? null
            : $"The master key file {File} can be read by other users of this machine: chmod 600 {File}";
}
