using Microsoft.Extensions.Configuration;

namespace Rapport.Configuration;

/// <summary>
/// Where settings come from, lowest first: the config file, the <c>RAPPORT_*</c> environment variables, the command-line
/// flags. Each source maps its own spelling onto the keys of <see cref="SettingKeys"/> and checks what it reads;
/// <see cref="SettingsRegistration"/> binds the result to <see cref="RapportSettings"/> and validates it.
/// </summary>
internal static class RapportConfiguration
{
    public const string DefaultConfigFile = "rapport.json";

    /// <param name="configPath">The file given with <c>--config</c>; null reads <c>./rapport.json</c> when there is one.</param>
    /// <param name="flags">The flags given, by setting, as typed.</param>
    public static IConfigurationRoot Build(string? configPath, Func<string, string?> environment, IEnumerable<KeyValuePair<SettingKey, string>> flags)
    {
        var builder = new ConfigurationBuilder();
        var path = configPath ?? (File.Exists(DefaultConfigFile) ? DefaultConfigFile : null);
        if (path is not null)
            builder.Add(new ConfigFileSource(path));
        builder.Add(new EnvironmentSource(environment));
        builder.AddInMemoryCollection(flags.Select(flag =>
            KeyValuePair.Create(flag.Key.Key, (string?)SettingText.Checked(flag.Key, flag.Value, flag.Key.Flag ?? flag.Key.Key))));
        return builder.Build();
    }
}
