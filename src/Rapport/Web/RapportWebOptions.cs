namespace Rapport.Web;

/// <summary>What <c>rapport serve</c> (and the demo) needs to run the web app.</summary>
public sealed record RapportWebOptions
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>A SQLite file path or a PostgreSQL URL / connection string.</summary>
    public required string Database { get; init; }

    /// <summary>Where Kestrel listens; port 0 picks a free port (tests).</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>The first start creates this admin when there is no teammate yet.</summary>
    public string AdminEmail { get; init; } = "admin@localhost";

    /// <summary>The first admin's password; null generates one and prints it once.</summary>
    public string? AdminPassword { get; init; }

    /// <summary>
    /// The address teammates and Intercom reach Rapport at (OAuth redirect URL); null uses the request's own scheme and
    /// host. Set it behind a proxy.
    /// </summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>
    /// The reverse proxies (addresses, or networks as 10.0.0.0/8) whose X-Forwarded-For and X-Forwarded-Proto are believed;
    /// from anyone else those headers are ignored. Empty: Rapport faces clients itself.
    /// </summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    public IntercomAppOptions Intercom { get; init; } = new();

    /// <summary>Sign-in throttling and account lockout.</summary>
    public Auth.SignInProtection SignIn { get; init; } = new();

    /// <summary>How often the reconciliation sweep runs by itself (default 15 minutes); zero: only on demand.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long "Sync now" and the sweep wait out Intercom's failures on one request before stopping (default 30 minutes).</summary>
    public TimeSpan ImportPatience { get; init; } = Rapport.Application.Import.ImportOptions.DefaultPatience;

    /// <summary>
    /// The wait after a Segment call's first failed attempt, doubled after each (1, 2, 4, 8 s by default); its fifth
    /// failure sets it aside.
    /// </summary>
    public TimeSpan SegmentFirstRetry { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long applied webhook notifications and Segment calls are kept before the server deletes them (7 days by
    /// default); zero keeps them for ever. Failed and set-aside ones stay until handled.
    /// </summary>
    public TimeSpan InboxRetention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The file holding the master key that encrypts the key ring; made on the first start. Null: beside the SQLite
    /// database (<c>hub.db</c> → <c>hub.masterkey</c>), or <c>rapport.masterkey</c> in the working directory for PostgreSQL.
    /// </summary>
    public string? MasterKeyFile { get; init; }

    /// <summary>The master key itself (<c>RAPPORT_MASTER_KEY</c>), which wins over <see cref="MasterKeyFile"/>.</summary>
    public string? MasterKey { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

/// <summary>
/// Rapport's Intercom app (Developer Hub → Basic info and Authentication): its client id and secret for the OAuth flow
/// and webhook signatures. <see cref="ApiUrl"/> and <see cref="AuthorizeUrl"/> point Rapport at a simulator.
/// </summary>
public sealed record IntercomAppOptions
{
    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    /// <summary>Intercom's consent page; the same for every region.</summary>
    public Uri AuthorizeUrl { get; init; } = Rapport.Intercom.OAuth.IntercomOAuth.DefaultAuthorizeBase;

    /// <summary>Null = the chosen region's API host.</summary>
    public Uri? ApiUrl { get; init; }

    public bool CanUseOAuth => !string.IsNullOrEmpty(ClientId) && !string.IsNullOrEmpty(ClientSecret);
}
