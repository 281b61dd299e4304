using System.Reflection;

namespace Rapport.Web.Assets;

/// <summary>
/// The stylesheet, the little script and the icon the pages share, embedded in the executable: one file to ship, nothing to
/// build, and the same bytes whether Rapport runs from its project, a publish folder or a test.
/// </summary>
/// <remarks>
/// Browsers ask for <c>/favicon.ico</c> on their own, whatever the layout links, so the icon is served there too (the same
/// R as <c>favicon.svg</c>, drawn at 16 and 32 pixels), and to anyone: it is asked for before signing in.
/// </remarks>
internal static class SiteAssets
{
    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/assets/site.css", "site.css", "text/css; charset=utf-8"),
        ("/assets/site.js", "site.js", "text/javascript; charset=utf-8"),
        ("/assets/favicon.svg", "favicon.svg", "image/svg+xml"),
        ("/favicon.ico", "favicon.ico", "image/x-icon"),
        ("/assets/intercom-settings.js", "intercom-settings.js", "text/javascript; charset=utf-8"),
    ];

    public static void MapSiteAssets(this IEndpointRouteBuilder app)
    {
        foreach (var (path, resource, contentType) in Files)
        {
            var bytes = Read(resource);
            app.MapGet(path, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=3600";
                return TypedResults.Bytes(bytes, contentType);
            }).AllowAnonymous().ExcludeFromDescription();
        }
    }

    private static byte[] Read(string name)
    {
        var assembly = typeof(SiteAssets).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Rapport.Web.Assets.{name}")
            ?? throw new InvalidOperationException($"The asset {name} is not embedded in {assembly.GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
