using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Hub.Team;
using Rapport.IntercomSimulator;
using Rapport.Web;
using Rapport.Testing;

namespace Rapport.Web.Tests.Support;

/// <summary>
/// A running hub for one test: an Intercom simulator and Rapport's web app, each on its own loopback port, over a fresh
/// SQLite file; the same <see cref="RapportWebApp"/> that <c>rapport serve</c> runs. Clients sign in through the real
/// sign-in form (antiforgery included) or use a personal API token.
/// </summary>
public sealed partial class WebHub : IAsyncDisposable
{
    public const string AdminEmail = "admin@example.test";
    public const string AdminPassword = "correct horse battery";

    private readonly string _directory;
    private readonly List<HttpClient> _clients = [];

    private readonly SimulatedIntercom _intercom;

    private WebHub(string directory, SimulatedIntercom intercom, RapportWebApp app)
    {
        _directory = directory;
        _intercom = intercom;
        App = app;
    }

    public IntercomSimulatorServer Simulator => _intercom.Server;

    public RapportWebApp App { get; }

    public Uri BaseAddress => App.BaseAddress;

    public HubStores Store => HubStores.From(App.Services);

    public static Task<WebHub> StartAsync(SimulatorOptions? simulatorOptions = null, CancellationToken cancellationToken = default) =>
        StartAsync(simulatorOptions, sweepInterval: null, cancellationToken);

    /// <param name="sweepInterval">How often the reconciliation sweep runs by itself; null: the app's default.</param>
    public static Task<WebHub> StartAsync(SimulatorOptions? simulatorOptions, TimeSpan? sweepInterval, CancellationToken cancellationToken) =>
        StartAsync(simulatorOptions, options => sweepInterval is { } interval ? options with { SweepInterval = interval } : options, cancellationToken);

    /// <param name="configure">Changes the app's options, e.g. shorter waits than a real deployment's.</param>
    public static async Task<WebHub> StartAsync(
        SimulatorOptions? simulatorOptions, Func<RapportWebOptions, RapportWebOptions> configure, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("rapport-web-").FullName;
        var intercom = await SimulatedIntercom.StartAsync(simulatorOptions ?? new SimulatorOptions { Companies = 40, Contacts = 200, RateLimitPerMinute = null }, cancellationToken: cancellationToken);
        var simulator = intercom.Server;
        var app = await RapportWebApp.CreateAsync(configure(new RapportWebOptions
        {
            Database = Path.Combine(directory, "hub.db"),
            Urls = ["http://127.0.0.1:0"],
            AdminEmail = AdminEmail,
            AdminPassword = AdminPassword,
            Intercom = new IntercomAppOptions
            {
                ClientId = simulator.Options.ClientId,
                ClientSecret = simulator.Options.ClientSecret,
                AuthorizeUrl = new Uri(simulator.BaseAddress, "oauth"),
                ApiUrl = simulator.BaseAddress,
            },
        }), cancellationToken);
        await app.StartAsync(cancellationToken);
        return new WebHub(directory, intercom, app);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see where the app sends them.</summary>
    public HttpClient Client()
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        _clients.Add(client);
        _cookieJars[client] = cookies;
        return client;
    }

    /// <summary>
    /// A client signed in through the form, which sends the antiforgery token of the pages with every request, as the
    /// pages' own scripts do when they call the API (<see cref="CsrfTokenAsync"/>).
    /// </summary>
    public async Task<HttpClient> SignedInAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var client = await SignedInWithoutTokenAsync(email, password);
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await CsrfTokenAsync(client));
        return client;
    }

    /// <summary>A signed-in client that sends only its cookies, like a form on another site would.</summary>
    public async Task<HttpClient> SignedInWithoutTokenAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var client = Client();
        var response = await PostFormAsync(client, "/signin", new() { ["email"] = email, ["password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "signing in redirects");
        return client;
    }

    /// <summary>The antiforgery token a signed-in page carries for its scripts (meta rapport-csrf).</summary>
    public static async Task<string> CsrfTokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/me");
        var token = CsrfMetaPattern().Match(page);
        token.Success.ShouldBeTrue("a signed-in page carries the antiforgery token for its scripts");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>Adds a teammate with the given role and returns their email and password.</summary>
    public async Task<(string Email, string Password)> AddTeammateAsync(TeamRole role, string? email = null)
    {
        email ??= $"{role.ToName()}-{Guid.NewGuid():N}@example.test";
        const string password = "a long enough password";
        var added = await Store.Team.AddTeammateAsync(email, role.Display(), role, null, Web.Auth.Passwords.Hash(password));
        added.ShouldNotBeNull();
        return (email, password);
    }

    /// <summary>A client authenticated by a personal API token of a new teammate with <paramref name="role"/>, created through the profile page.</summary>
    public async Task<HttpClient> TokenClientAsync(TeamRole role)
    {
        var (email, password) = role == TeamRole.Admin ? (AdminEmail, AdminPassword) : await AddTeammateAsync(role);
        return await TokenClientAsync(email, password);
    }

    /// <summary>Posts a page's form the way a browser does: GET the page, take its antiforgery token, POST the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var pageUrl = url.Split('?')[0];
        var page = await client.GetStringAsync(pageUrl);
        var token = AntiforgeryPattern().Match(page);
        token.Success.ShouldBeTrue($"{pageUrl} has a form with an antiforgery token");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            client.Dispose();
        await App.DisposeAsync();
        await _intercom.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    [GeneratedRegex("<meta name=\"rapport-csrf\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfMetaPattern();

    [GeneratedRegex("rpt_[A-Za-z0-9_-]{20,}")]
    private static partial Regex TokenPattern();
}
