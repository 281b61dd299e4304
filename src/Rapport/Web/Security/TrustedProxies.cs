using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Rapport.Web.Security;

/// <summary>
/// Behind a reverse proxy that ends TLS, the request's scheme and client address come from X-Forwarded-Proto and
/// X-Forwarded-For; those are believed only from the proxies the operator names, so that the session cookie is marked
/// Secure, HSTS is sent, and sign-in throttling counts the real client, while nobody else can claim to be HTTPS or
/// another address.
/// </summary>
internal static class TrustedProxies
{
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, IReadOnlyList<string> proxies)
    {
        if (proxies.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // ASP.NET Core trusts loopback by default; only what the operator names is trusted here.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            if (IPAddress.TryParse(proxy, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
            }
        }

        return app.UseForwardedHeaders(options);
    }

    /// <summary>Splits "10.0.0.1, 10.1.0.0/16" and names the first entry that is neither an address nor a network.</summary>
    public static IReadOnlyList<string> Parse(string? text, string source)
    {
        var entries = (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var entry in entries)
        {
            if (!IPAddress.TryParse(entry, out _) && !System.Net.IPNetwork.TryParse(entry, out _))
            {
                throw new Configuration.SettingsException($"{source}: '{entry}' is neither an IP address nor a network such as 10.0.0.0/8");
            }
        }

        return entries;
    }
}
