using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Rapport.Storage;
using Rapport.Storage.Database;
using Rapport.Web.Api;
using Rapport.Web.Assets;
using Rapport.Web.Audit;
using Rapport.Web.Auth;
using Rapport.Web.Keys;
using Rapport.Web.Security;
using Rapport.Web.Segment;
using Rapport.Web.Webhooks;
using Rapport.Hub.Security;
using Rapport.Hub.Team;

namespace Rapport.Web;

/// <summary>
/// The web app: pages for teammates, the REST API, Intercom's webhook endpoint and Segment's ingest, on one Kestrel
/// host. Used by <c>rapport serve</c>, <c>rapport demo</c> and the tests alike, so the tests run what users run.
/// </summary>
public sealed class RapportWebApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RapportWebApp(WebApplication app, string? generatedAdminPassword, IReadOnlyList<string> keyRingNotices)
    {
        _app = app;
        GeneratedAdminPassword = generatedAdminPassword;
        KeyRingNotices = keyRingNotices;
    }

    /// <summary>Set on the first start when the admin's password was generated: show it once.</summary>
    public string? GeneratedAdminPassword { get; }

    /// <summary>What the operator should know about the master key: that it was made, or that an old key ring was encrypted with it.</summary>
    public IReadOnlyList<string> KeyRingNotices { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Where the app listens, once started (the real port when 0 was asked for).</summary>
    public Uri BaseAddress
    {
        get
        {
            var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The web app is not listening yet: start it first.");
            return new Uri(address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal) + "/");
        }
    }

    public static async Task<RapportWebApp> CreateAsync(RapportWebOptions options, CancellationToken cancellationToken = default)
    {
        var database = await HubDatabase.OpenAsync(options.Database, options.TimeProvider, cancellationToken);
        // The key ring and the first admin are settled before the host is built; this provider is not disposed, as that
        // would close the database the host goes on to use (the host's own container disposes it).
        var startup = new ServiceCollection().AddRapportStorage(database).BuildServiceProvider();
        string? password;
        KeyRingOpening keys;
        try
        {
            keys = await HubKeyRing.OpenAsync(startup.GetRequiredService<IKeyRingStore>(), MasterKeyLocation.For(options), cancellationToken);
            password = await FirstAdmin.EnsureAsync(startup.GetRequiredService<ITeamStore>(), options, cancellationToken);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(RapportWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseKestrelCore().UseUrls([.. options.Urls]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(options.TimeProvider);
        services.AddRapportStorage(database);
        services.AddRapportDataProtection(keys.Key);
        services.AddRapportAudit();
        services.AddRapportAuth(options.SignIn);
        services.AddRapportServer(options);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "rapport.antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = CrossSiteRequestGuard.HeaderName;
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Rapport REST API";
            document.Info.Description = "Accounts, users and the Intercom integration. Authenticate with a personal API token: Authorization: Bearer rpt_…";
            return Task.CompletedTask;
        }));
        services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AuthorizeFolder("/Settings", TeamClaims.SettingsPolicy);
        });

        var app = builder.Build();
        app.UseTrustedProxies(options.TrustedProxies);
        app.UseSecurityHeaders();
        app.UseHsts();
        app.UseRapportErrorPages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseCrossSiteRequestGuard();
        app.UseAuthorization();
        app.UseRapportSignInLimits();
        app.UseAntiforgery();

        app.MapSiteAssets();
        app.MapRazorPages();
        app.MapRapportApi();
        app.MapIntercomWebhooks();
        app.MapSegmentIngest();
        app.MapOpenApi();
        app.MapGet("/health", () => TypedResults.Ok("ok")).AllowAnonymous().ExcludeFromDescription();
        try
        {
            KeyRingProtection.EnsureKey(app.Services);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new RapportWebApp(app, password, keys.Notices);
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
