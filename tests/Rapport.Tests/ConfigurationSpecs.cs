using Microsoft.Extensions.Options;
using Rapport.Configuration;

namespace Rapport.Tests;

/// <summary>How settings are merged from the config file, the environment and the flags, and bound to <see cref="RapportSettings"/>.</summary>
public sealed class ConfigurationSpecs : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-config-").FullName;

    private string ConfigFile(string json)
    {
        var path = Path.Combine(_folder, "rapport.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static RapportSettings Read(string? config, Dictionary<string, string>? environment = null, params (SettingKey Setting, string Value)[] flags) =>
        SettingsRegistration.Resolve(RapportConfiguration.Build(
            config, name => environment?.GetValueOrDefault(name), flags.Select(flag => KeyValuePair.Create(flag.Setting, flag.Value))));

    [Fact]
    public void A_flag_wins_over_the_environment_which_wins_over_the_config_file()
    {
        var config = ConfigFile("""{ "database": "file.db", "intercom": { "region": "eu", "token": "from-file" }, "web": { "adminEmail": "file@example.test" } }""");
        Dictionary<string, string> environment = new() { ["RAPPORT_DATABASE"] = "env.db", ["RAPPORT_INTERCOM_REGION"] = "au" };

        var settings = Read(config, environment, (SettingKeys.Database, "flag.db"));

        (settings.Database, settings.Region, settings.Token, settings.AdminEmail).ShouldBe(("flag.db", "au", "from-file", "file@example.test"));
        settings.ConfigFile.ShouldBe(config);
    }

    [Fact]
    public void Without_any_source_the_defaults_stand()
    {
        var settings = Read(config: null);

        settings.ShouldBe(new RapportSettings());
    }

    [Fact]
    public void Every_kind_of_value_in_the_config_file_is_bound()
    {
        var config = ConfigFile("""
            {
              // comments and trailing commas are allowed in the hand-edited file
              "intercom": { "url": "http://127.0.0.1:9/", "authorizeUrl": "https://app.intercom.com/oauth", },
              "web": { "urls": "http://127.0.0.1:0;http://127.0.0.1:1", "lockoutFailures": 0, "lockoutMinutes": 0 },
              "import": { "lastSeenDays": 30, "onlyWithIds": true, "patience": "90s", "sweepMinutes": 0, "qualification": { "field": "plan", "op": "=", "value": "Pro" } },
              "security": { "masterKeyFile": "keys/hub.masterkey" },
              "retention": { "inboxDays": 0 }
            }
            """);

        var settings = Read(config);

        settings.IntercomUrl.ShouldBe(new Uri("http://127.0.0.1:9/"));
        settings.IntercomAuthorizeUrl.ShouldBe(new Uri("https://app.intercom.com/oauth"));
        RapportSettings.ListenUrls(settings.Urls).ShouldBe(["http://127.0.0.1:0", "http://127.0.0.1:1"]);
        (settings.LockoutFailures, settings.LockoutMinutes, settings.SweepMinutes, settings.InboxRetentionDays).ShouldBe((0, 0, 0, 0));
        (settings.LastSeenDays, settings.OnlyWithIds, settings.Conversations).ShouldBe((30, true, false));
        settings.ImportPatience.ShouldBe(TimeSpan.FromSeconds(90));
        settings.Qualification.ShouldBe("""{ "field": "plan", "op": "=", "value": "Pro" }""");
        settings.MasterKeyFile.ShouldBe("keys/hub.masterkey");
    }

    [Fact]
    public void The_master_key_and_the_admin_password_come_from_the_environment_not_the_file()
    {
        var config = ConfigFile("""{ "security": { "masterKey": "in-file" }, "web": { "adminPassword": "in-file" } }""");

        var settings = Read(config, new() { ["RAPPORT_MASTER_KEY"] = "from-env" });

        (settings.MasterKey, settings.AdminPassword).ShouldBe(("from-env", null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("US")]
    [InlineData(" eu ")]
    public void A_region_Intercom_has_or_an_empty_one_is_accepted(string region) =>
        Read(config: null, new() { ["RAPPORT_INTERCOM_REGION"] = region }).Region.ShouldBe(region);

    [Fact]
    public void Every_broken_setting_is_named_at_once()
    {
        var config = ConfigFile("""{ "web": { "urls": "http://localhost:eighty", "trustedProxies": "proxy.local", "lockoutMinutes": 0 } }""");

        var error = Should.Throw<OptionsValidationException>(() => Read(config, new() { ["RAPPORT_INTERCOM_REGION"] = "mars" }));

        error.Failures.ShouldBe(
        [
            "intercom.region / RAPPORT_INTERCOM_REGION / --region: 'mars' is not an Intercom region: use us, eu or au",
            "web.urls / RAPPORT_URLS / --urls: 'http://localhost:eighty' is not an address to listen on, such as http://localhost:5080",
            "web.trustedProxies / RAPPORT_TRUSTED_PROXIES: 'proxy.local' is neither an IP address nor a network such as 10.0.0.0/8",
            "web.lockoutMinutes / RAPPORT_LOCKOUT_MINUTES: an account locks for at least 1 minute (set lockoutFailures to 0 to never lock)",
        ]);
    }

    [Theory]
    [InlineData("RAPPORT_INBOX_RETENTION_DAYS", "a week", "RAPPORT_INBOX_RETENTION_DAYS: 'a week' is not a whole number of days ≥ 0")]
    [InlineData("RAPPORT_PUBLIC_URL", "rapport.example.com", "RAPPORT_PUBLIC_URL: 'rapport.example.com' is not an http(s) URL")]
    public void A_malformed_environment_variable_is_named(string variable, string value, string message) =>
        Should.Throw<SettingsException>(() => Read(config: null, new() { [variable] = value })).Message.ShouldBe(message);

    [Theory]
    [InlineData("""{ "intercom": "eu" }""", "config {0}: 'intercom' must be an object")]
    [InlineData("""{ "import": { "onlyWithIds": "yes" } }""", "config {0}: 'onlyWithIds' must be true or false")]
    [InlineData("""{ "web": { "lockoutFailures": -1 } }""", "config {0}: 'lockoutFailures' must be a whole number ≥ 0")]
    [InlineData("""{ "web": { "publicUrl": "ftp://example.com" } }""", "config {0}: 'publicUrl': 'ftp://example.com' is not an http(s) URL")]
    [InlineData("""[]""", "config {0}: the top level must be an object")]
    public void A_malformed_config_file_is_named_with_the_key(string json, string message)
    {
        var config = ConfigFile(json);

        Should.Throw<SettingsException>(() => Read(config)).Message.ShouldBe(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, config));
    }

    [Fact]
    public void A_malformed_flag_is_named()
    {
        Should.Throw<SettingsException>(() => Read(config: null, flags: (SettingKeys.Patience, "soon")))
            .Message.ShouldBe("--patience: 'soon' is not a duration such as 30m, 90s or 2h");
        Should.Throw<SettingsException>(() => Read(config: null, flags: (SettingKeys.IntercomUrl, "not a url")))
            .Message.ShouldBe("--intercom-url: 'not a url' is not an http(s) URL");
    }

    [Fact]
    public void A_missing_config_file_is_named()
    {
        var missing = Path.Combine(_folder, "missing.json");

        Should.Throw<SettingsException>(() => Read(missing)).Message.ShouldBe($"config {missing}: file not found");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
