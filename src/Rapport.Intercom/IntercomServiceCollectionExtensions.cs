using System.Net.Http.Headers;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rapport.Intercom.Http;
using Rapport.Intercom.OAuth;

namespace Rapport.Intercom;

public static class IntercomServiceCollectionExtensions
{
    internal const string HttpClientName = "Rapport.Intercom";
    internal const string OAuthHttpClientName = "Rapport.Intercom.OAuth";

    private static readonly string UserAgentVersion =
        typeof(IntercomClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0";

    /// <summary>
    /// Registers <see cref="IntercomClient"/> as a typed client with its options, the shared singletons (rate-limit gate,
    /// scroll gate, statistics, resilience pipelines) and <see cref="TimeProvider.System"/> unless a TimeProvider is
    /// registered: the one way the command line and the web app compose a client, so both get the same handlers and checks.
    /// The options are validated when the container starts (a host does it; a bare container calls
    /// <see cref="IStartupValidator.Validate"/>), so a bad region or URL stops the program before the first request.
    /// Returns the builder so callers can add handlers; they see every attempt, after the rate-limit gate let it through.
    /// Calling it again only adds <paramref name="configure"/>.
    /// </summary>
    public static IHttpClientBuilder AddRapportIntercom(this IServiceCollection services, Action<IntercomClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<IntercomClientOptions>()
            .Configure(configure)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntercomClientOptions>, IntercomClientOptionsValidator>());

        if (services.Any(descriptor => descriptor.ServiceType == typeof(IntercomResilience)))
        {
            return services.AddHttpClient(HttpClientName);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IntercomClientStatistics>();
        services.TryAddSingleton<IntercomRateLimitGate>();
        services.TryAddSingleton<IntercomScrollGate>();
        services.TryAddSingleton<IntercomResilience>();

        var builder = services.AddHttpClient(HttpClientName, static (provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<IntercomClientOptions>>().Value;
                var baseAddress = options.ApiBase.AbsoluteUri;
                http.BaseAddress = new Uri(baseAddress.EndsWith('/') ? baseAddress : baseAddress + "/");
                // The resilience pipeline owns timeouts, per attempt.
                http.Timeout = Timeout.InfiniteTimeSpan;
                if (options.AccessToken.Length > 0)
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.AccessToken);
                }

                http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                http.DefaultRequestHeaders.Add("Intercom-Version", options.Version);
                http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Rapport", UserAgentVersion));
            });

        builder.AddTypedClient(static (http, provider) => new IntercomClient(
            http,
            provider.GetRequiredService<IOptions<IntercomClientOptions>>(),
            provider.GetRequiredService<IntercomResilience>(),
            provider.GetRequiredService<IntercomScrollGate>(),
            provider.GetRequiredService<IntercomRateLimitGate>(),
            provider.GetRequiredService<IntercomClientStatistics>(),
            provider.GetRequiredService<TimeProvider>()));
        return builder;
    }

    /// <summary>
    /// Registers <see cref="IntercomOAuth"/> (the code exchange) as a typed client of its own: it needs no access token, no
    /// <see cref="IntercomClientOptions"/> and no rate-limit gate, so it works before any workspace is connected, with or
    /// without <see cref="AddRapportIntercom"/>. 30-second timeout, no retries (a code is single-use). Idempotent.
    /// </summary>
    public static IHttpClientBuilder AddRapportIntercomOAuth(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(IntercomOAuth)))
        {
            return services.AddHttpClient(OAuthHttpClientName);
        }

        var builder = services.AddHttpClient(OAuthHttpClientName, static http =>
        {
            http.Timeout = TimeSpan.FromSeconds(30);
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Rapport", UserAgentVersion));
        });
        builder.AddTypedClient(static http => new IntercomOAuth(http));
        return builder;
    }
}
