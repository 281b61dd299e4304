namespace Rapport.Web.Tests;

/// <summary>The icon a browser shows in its tab, asked for at <c>/favicon.ico</c> before anyone signs in.</summary>
public sealed class SiteIconSpecs
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_site_icon_is_served_to_anyone_and_linked_from_every_page()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var visitor = hub.Client();

        using var icon = await visitor.GetAsync("/favicon.ico", Cancel);
        var bytes = await icon.Content.ReadAsByteArrayAsync(Cancel);
        using var svg = await visitor.GetAsync("/assets/favicon.svg", Cancel);
        var signIn = await visitor.GetStringAsync("/signin", Cancel);

        icon.StatusCode.ShouldBe(HttpStatusCode.OK);
        icon.Content.Headers.ContentType?.MediaType.ShouldBe("image/x-icon");
        bytes.Take(4).ShouldBe(new byte[] { 0, 0, 1, 0 }, "an ICO file's header");
        svg.StatusCode.ShouldBe(HttpStatusCode.OK);
        svg.Content.Headers.ContentType?.MediaType.ShouldBe("image/svg+xml");
        signIn.ShouldContain("<link rel=\"icon\" href=\"/favicon.ico\"");
    }
}
