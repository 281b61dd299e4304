namespace Rapport.Intercom;

/// <summary>How <see cref="IntercomClient"/> reaches one Intercom app.</summary>
public sealed class IntercomClientOptions
{
    /// <summary>The API host; any URL works (the simulator). Null: the <see cref="Region"/>'s host.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Where the workspace is hosted, as people write it (us, eu or au; empty is us), read by
    /// <see cref="IntercomRegionCodes"/>; used when no <see cref="BaseAddress"/> is given.
    /// </summary>
    public string? Region { get; set; }

    /// <summary>The host requests go to: <see cref="BaseAddress"/>, else the region's. Validation has checked the region.</summary>
    public Uri ApiBase => BaseAddress ?? BaseAddressFor(IntercomRegionCodes.Parse(Region));

    /// <summary>Bearer token: a private app's access token or an OAuth token.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>The <c>Intercom-Version</c> header; the client is written against 2.16.</summary>
    public string Version { get; set; } = "2.16";

    /// <summary>Page size for GET /contacts and contact search; 150 is the documented maximum.</summary>
    public int ContactsPageSize { get; set; } = 150;

    /// <summary>Per attempt: send, read and parse one response.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt for transient failures (network, 408, 429, 5xx).</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>First retry delay; doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of any single retry delay.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long <see cref="IntercomClient.ScrollCompaniesAsync"/> keeps waiting while Intercom reports another scroll
    /// open for the app (one left by a crashed process expires after one minute unused).
    /// </summary>
    public TimeSpan ScrollOpenTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// How long Intercom keeps a scroll that is no longer used, refusing to open another meanwhile: one minute
    /// (spec 2.16 GET /companies/scroll). A scroll this client broke off is waited out for this long before the next opens.
    /// </summary>
    public TimeSpan ScrollExpiry { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Pause between attempts to open a scroll while another one is open.</summary>
    public TimeSpan ScrollOpenRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    // https://developers.intercom.com/docs/build-an-integration/learn-more/rest-apis (servers of the 2.16 spec)
    public static Uri BaseAddressFor(IntercomRegion region) => region switch
    {
        IntercomRegion.UnitedStates => new Uri("https://api.intercom.io/"),
        IntercomRegion.Europe => new Uri("https://api.eu.intercom.io/"),
        IntercomRegion.Australia => new Uri("https://api.au.intercom.io/"),
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Unknown Intercom region."),
    };
}
