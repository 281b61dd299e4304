using System.Text.RegularExpressions;

namespace Rapport.Web.Tests.Security;

public sealed partial class SecurityHeaderSpecs
{
    private static readonly string[] Paths =
    [
        "/", "/accounts", "/users", "/conversations", "/settings", "/settings/teammates", "/settings/integrations",
        "/settings/integrations/intercom", "/settings/events", "/settings/playbooks", "/settings/audit", "/me", "/api", "/assets/site.css",
        "/assets/site.js", "/api/v1/accounts", "/openapi/v1.json", "/no/such/page", "/health",
    ];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_response_forbids_framing_sniffing_inline_script_and_foreign_referrers()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var client = await hub.SignedInAsync();
        var anonymous = hub.Client();

        foreach (var (who, path) in Paths.Select(p => (client, p)).Append((anonymous, "/signin")).Append((anonymous, "/api/v1/accounts")))
        {
            var response = await who.GetAsync(path, Cancel);

            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            csp.ShouldContain("frame-ancestors 'none'", customMessage: path);
            csp.ShouldContain("script-src 'self'", customMessage: path);
            csp.ShouldNotContain("unsafe-inline", customMessage: path);
            response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff", path);
            response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY", path);
            response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin", path);
        }
    }

    [Fact]
    public async Task Pages_carry_no_inline_script_handler_or_style_the_policy_would_block()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var client = await hub.SignedInAsync();

        foreach (var path in Paths.Where(p => !p.StartsWith("/assets", StringComparison.Ordinal) && !p.StartsWith("/api/v1", StringComparison.Ordinal)))
        {
            var html = await (await client.GetAsync(path, Cancel)).Content.ReadAsStringAsync(Cancel);

            InlineScript().Matches(html).ShouldBeEmpty(path);
            InlineHandler().Matches(html).ShouldBeEmpty(path);
            InlineStyle().Matches(html).ShouldBeEmpty(path);
        }
    }

    [Fact]
    public async Task Over_https_behind_a_trusted_proxy_the_cookie_is_secure_and_hsts_is_sent()
    {
        await using var hub = await WebHub.StartAsync(null, o => o with { TrustedProxies = ["127.0.0.1"] }, Cancel);
        var client = hub.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        // HSTS is never sent to localhost, which a developer's browser would then pin to HTTPS.
        client.DefaultRequestHeaders.Host = "rapport.example";

        var response = await client.GetAsync("/signin", Cancel);

        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=");
        response.Headers.GetValues("Set-Cookie").ShouldAllBe(cookie => cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_forwarded_proto_from_an_untrusted_address_changes_nothing()
    {
        await using var hub = await WebHub.StartAsync(null, o => o with { TrustedProxies = ["10.9.9.9"] }, Cancel);
        var client = hub.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Host = "rapport.example";

        var response = await client.GetAsync("/signin", Cancel);

        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        response.Headers.GetValues("Set-Cookie").ShouldAllBe(cookie => !cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"<[^>]+\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();
}
