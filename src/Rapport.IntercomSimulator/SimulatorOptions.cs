namespace Rapport.IntercomSimulator;

/// <summary>How the simulated Intercom workspace is generated and how the fake API behaves.</summary>
public sealed class SimulatorOptions
{
    public int Companies { get; init; } = 2000;

    public int Contacts { get; init; } = 20000;

    public int Seed { get; init; } = 1;

    /// <summary>The only bearer token the API accepts.</summary>
    public string AccessToken { get; init; } = "sim_token";

    /// <summary>The OAuth app's client id (Developer Hub > Basic Info): GET /oauth and POST /auth/eagle/token accept only this one.</summary>
    public string ClientId { get; init; } = "sim_client";

    /// <summary>The OAuth app's client secret: it authenticates the code exchange and, as on Intercom, keys the
    /// <c>X-Hub-Signature</c> of webhook notifications (Intercom's webhook models, "Signed notifications").</summary>
    public string ClientSecret { get; init; } = "sim_secret";

    /// <summary>Shown on the authorize page ("Authorize <c>AppName</c> to access …").</summary>
    public string AppName { get; init; } = "Rapport";

    /// <summary>The app's registered redirect URLs; the first is the default when GET /oauth has no
    /// <c>redirect_uri</c>, any other <c>redirect_uri</c> is refused (Intercom's "Setting up OAuth" page). Real
    /// Intercom demands HTTPS; the simulator does not.</summary>
    public IReadOnlyList<Uri> RedirectUris { get; init; } = [new("http://localhost:5000/intercom/oauth/callback")];

    /// <summary>How long an authorization code can be exchanged. Intercom does not document it; a few minutes is the OAuth norm.</summary>
    public TimeSpan OAuthCodeLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Null = unthrottled. Enforced per 10-second window as limit/6, as Intercom does
    /// (https://developers.intercom.com/docs/references/rest-api/errors/rate-limiting).</summary>
    public int? RateLimitPerMinute { get; init; } = 10_000;

    public TimeSpan ScrollExpiry { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>UNVERIFIED for real Intercom, hence configurable.</summary>
    public int ScrollPageSize { get; init; } = 50;

    /// <summary>
    /// The empty page that ends a scroll carries no <c>scroll_param</c>, as the param expires there (spec GET /companies/scroll).
    /// True sends the spent param anyway, asking with it again still gets 404: a form clients should also end cleanly on.
    /// </summary>
    public bool ScrollParamOnLastPage { get; init; }

    /// <summary>POST /companies/list stops at 10,000 companies (spec description of the operation).</summary>
    public int ListCap { get; init; } = 10_000;

    /// <summary>Where webhook notifications are posted; null = no delivery. Changeable at run time (PUT /_simulator/webhooks).</summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>The subscribed topics (default: every topic of <see cref="Webhooks.WebhookTopics.All"/>); <c>ping</c> is always subscribed.</summary>
    public IReadOnlyList<string> WebhookTopics { get; init; } = Webhooks.WebhookTopics.All;

    /// <summary>A failed delivery is retried once, a minute later, as Intercom does (Intercom's webhook documentation).
    /// Tests shorten it.</summary>
    public TimeSpan WebhookRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Intercom gives the endpoint 5 s to answer (Intercom's webhook documentation).</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Deliveries are shuffled within windows of this many queued notifications (0 or 1 = queue order), since Intercom
    /// does not guarantee order.</summary>
    public int WebhookShuffleWindow { get; init; }

    /// <summary>Random workspace changes per second made by a background generator (0 = none); each one notifies.</summary>
    public double Activity { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
