using System.CommandLine;
using Rapport.Configuration;

namespace Rapport.Cli;

/// <summary>The flags every Intercom-facing command takes; a flag wins over the environment and the config file.</summary>
internal sealed class CommonOptions
{
    public Option<string?> Config { get; } = new("--config") { Description = $"Config file (default: ./{RapportConfiguration.DefaultConfigFile} when present)" };
    public Option<string?> Database { get; } = new("--database") { Description = $"SQLite file, or a PostgreSQL URL / connection string (default: {RapportSettings.DefaultDatabase}; env RAPPORT_DATABASE)" };
    public Option<string?> IntercomUrl { get; } = new("--intercom-url") { Description = "Intercom API base URL, e.g. a simulator's (env RAPPORT_INTERCOM_URL)" };
    public Option<string?> Region { get; } = new("--region") { Description = "Intercom region when no URL is given: us, eu or au (env RAPPORT_INTERCOM_REGION)" };
    public Option<string?> Token { get; } = new("--token") { Description = "Intercom access token (env RAPPORT_INTERCOM_TOKEN)" };
    public Option<string?> MasterKeyFile { get; } = new("--master-key-file") { Description = "The file holding the master key that encrypts the key ring (default: beside the SQLite database, or rapport.masterkey beside the config file; env RAPPORT_MASTER_KEY_FILE; RAPPORT_MASTER_KEY holds the key itself and wins)" };

    public void AddTo(Command command, bool database = true, bool intercom = true, bool masterKey = false)
    {
        command.Options.Add(Config);
        if (database) command.Options.Add(Database);
        if (masterKey) command.Options.Add(MasterKeyFile);
        if (!intercom) return;
        command.Options.Add(IntercomUrl);
        command.Options.Add(Region);
        command.Options.Add(Token);
    }

    /// <summary>
    /// The validated settings from the config file, the environment, these flags and the command's own
    /// <paramref name="flags"/> (a null value: not given).
    /// </summary>
    public RapportSettings Read(ParseResult result, params (SettingKey Setting, string? Value)[] flags)
    {
        (SettingKey, string?)[] common =
        [
            (SettingKeys.Database, result.GetValue(Database)),
            (SettingKeys.IntercomUrl, result.GetValue(IntercomUrl)),
            (SettingKeys.Region, result.GetValue(Region)),
            (SettingKeys.Token, result.GetValue(Token)),
            (SettingKeys.MasterKeyFile, result.GetValue(MasterKeyFile)),
        ];
        var given = common.Concat(flags)
            .Where(flag => flag.Item2 is not null)
            .Select(flag => KeyValuePair.Create(flag.Item1, flag.Item2!));
        return SettingsRegistration.Resolve(RapportConfiguration.Build(result.GetValue(Config), Environment.GetEnvironmentVariable, given));
    }
}
