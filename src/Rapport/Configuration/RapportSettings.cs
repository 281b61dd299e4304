namespace Rapport.Configuration;

/// <summary>
/// Everything a command needs to reach Intercom and the hub, merged from (lowest first) defaults, the config file,
/// environment variables (<c>RAPPORT_*</c>) and command-line flags.
/// </summary>
public sealed record RapportSettings
{
    public const string DefaultDatabase = "rapport.db";

    public string Database { get; init; } = DefaultDatabase;

    /// <summary>Null means the region's host (US by default).</summary>
    public Uri? IntercomUrl { get; init; }

    public string Region { get; init; } = "us";

    public string? Token { get; init; }

    public int LastSeenDays { get; init; } = 90;

    /// <summary>The qualification rule as written in the config file or a flag (text, or JSON for the object form).</summary>
    public string? Qualification { get; init; }

    public bool OnlyWithIds { get; init; }

    /// <summary>Also import conversations (off until the hub shows them in pages).</summary>
    public bool Conversations { get; init; }

    /// <summary>Where <c>rapport serve</c> listens.</summary>
    public string Urls { get; init; } = Web.RapportWebOptions.DefaultUrl;

    /// <summary>The address Intercom sends teammates back to after OAuth; null = the request's own host.</summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>The reverse proxies whose X-Forwarded-* headers are believed, as written ("10.0.0.1, 10.1.0.0/16").</summary>
    public string? TrustedProxies { get; init; }

    public string AdminEmail { get; init; } = "admin@localhost";

    public string? AdminPassword { get; init; }

    /// <summary>Failed sign-ins within <see cref="LockoutMinutes"/> that lock an account for as long; 0 = never locked.</summary>
    public int LockoutFailures { get; init; } = 10;

    public int LockoutMinutes { get; init; } = 15;

    /// <summary>Rapport's Intercom app, for "Connect to Intercom" (OAuth) and webhook signatures.</summary>
    public string? IntercomClientId { get; init; }

    public string? IntercomClientSecret { get; init; }

    public Uri? IntercomAuthorizeUrl { get; init; }

    /// <summary>How often <c>rapport serve</c> runs the reconciliation sweep; 0 = only on demand.</summary>
    public int SweepMinutes { get; init; } = 15;

    /// <summary>How long an import keeps going through Intercom's failures on one request before it stops (config <c>import.patience</c>, <c>--patience</c>).</summary>
    public TimeSpan ImportPatience { get; init; } = Sync.Import.ImportOptions.DefaultPatience;

    /// <summary>The config file these settings were read from, if any: the default home of a PostgreSQL hub's master key.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The master key file; null = the default beside the database or the config file (<see cref="Web.Keys.MasterKeyLocation"/>).</summary>
    public string? MasterKeyFile { get; init; }

    /// <summary>The master key itself, from <c>RAPPORT_MASTER_KEY</c> only: it has no place in a config file beside the database.</summary>
    public string? MasterKey { get; init; }

    /// <summary>Days applied webhook notifications and Segment calls are kept before the server deletes them; 0 = kept for ever.</summary>
    public int InboxRetentionDays { get; init; } = 7;
}
