using Microsoft.Extensions.Configuration;

namespace Rapport.Configuration;

/// <summary>
/// Everything a command needs to reach Intercom and the hub, bound from <see cref="RapportConfiguration"/>: (lowest first)
/// defaults, the config file, environment variables (<c>RAPPORT_*</c>) and command-line flags. Each property names its
/// key in the config file, so the file's shape stays what it was while the class stays flat for the commands.
/// </summary>
public sealed record RapportSettings
{
    public const string DefaultDatabase = "rapport.db";

    [ConfigurationKeyName("database")]
    public string Database { get; init; } = DefaultDatabase;

    /// <summary>Null means the region's host (US by default).</summary>
    [ConfigurationKeyName("intercom:url")]
    public Uri? IntercomUrl { get; init; }

    [ConfigurationKeyName("intercom:region")]
    public string Region { get; init; } = "us";

    [ConfigurationKeyName("intercom:token")]
    public string? Token { get; init; }

    [ConfigurationKeyName("import:lastSeenDays")]
    public int LastSeenDays { get; init; } = 90;

    /// <summary>The qualification rule as written in the config file or a flag (text, or JSON for the object form).</summary>
    [ConfigurationKeyName("import:qualification")]
    public string? Qualification { get; init; }

    [ConfigurationKeyName("import:onlyWithIds")]
    public bool OnlyWithIds { get; init; }

    /// <summary>Also import conversations (off until the hub shows them in pages).</summary>
    [ConfigurationKeyName("import:conversations")]
    public bool Conversations { get; init; }

    /// <summary>Where <c>rapport serve</c> listens.</summary>
    [ConfigurationKeyName("web:urls")]
    public string Urls { get; init; } = Web.RapportWebOptions.DefaultUrl;

    /// <summary>The address Intercom sends teammates back to after OAuth; null = the request's own host.</summary>
    [ConfigurationKeyName("web:publicUrl")]
    public Uri? PublicUrl { get; init; }

    /// <summary>The reverse proxies whose X-Forwarded-* headers are believed, as written ("10.0.0.1, 10.1.0.0/16").</summary>
    [ConfigurationKeyName("web:trustedProxies")]
    public string? TrustedProxies { get; init; }

    [ConfigurationKeyName("web:adminEmail")]
    public string AdminEmail { get; init; } = "admin@localhost";

    [ConfigurationKeyName("web:adminPassword")]
    public string? AdminPassword { get; init; }

    /// <summary>Failed sign-ins within <see cref="LockoutMinutes"/> that lock an account for as long; 0 = never locked.</summary>
    [ConfigurationKeyName("web:lockoutFailures")]
    public int LockoutFailures { get; init; } = 10;

    [ConfigurationKeyName("web:lockoutMinutes")]
    public int LockoutMinutes { get; init; } = 15;

    /// <summary>Rapport's Intercom app, for "Connect to Intercom" (OAuth) and webhook signatures.</summary>
    [ConfigurationKeyName("intercom:clientId")]
    public string? IntercomClientId { get; init; }

    [ConfigurationKeyName("intercom:clientSecret")]
    public string? IntercomClientSecret { get; init; }

    [ConfigurationKeyName("intercom:authorizeUrl")]
    public Uri? IntercomAuthorizeUrl { get; init; }

    /// <summary>How often <c>rapport serve</c> runs the reconciliation sweep; 0 = only on demand.</summary>
    [ConfigurationKeyName("import:sweepMinutes")]
    public int SweepMinutes { get; init; } = 15;

    /// <summary>How long an import keeps going through Intercom's failures on one request before it stops (config <c>import.patience</c>, <c>--patience</c>).</summary>
    [ConfigurationKeyName("import:patience")]
    public TimeSpan ImportPatience { get; init; } = Application.Import.ImportOptions.DefaultPatience;

    /// <summary>The config file these settings were read from, if any: the default home of a PostgreSQL hub's master key.</summary>
    [ConfigurationKeyName("configFile")]
    public string? ConfigFile { get; init; }

    /// <summary>The master key file; null = the default beside the database or the config file (<see cref="Web.Keys.MasterKeyLocation"/>).</summary>
    [ConfigurationKeyName("security:masterKeyFile")]
    public string? MasterKeyFile { get; init; }

    /// <summary>The master key itself, from <c>RAPPORT_MASTER_KEY</c> only: it has no place in a config file beside the database.</summary>
    [ConfigurationKeyName("security:masterKey")]
    public string? MasterKey { get; init; }

    /// <summary>Days applied webhook notifications and Segment calls are kept before the server deletes them; 0 = kept for ever.</summary>
    [ConfigurationKeyName("retention:inboxDays")]
    public int InboxRetentionDays { get; init; } = 7;

    /// <summary>The addresses of <see cref="Urls"/>, which separates them with ';'.</summary>
    public static IReadOnlyList<string> ListenUrls(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
