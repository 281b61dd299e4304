namespace Rapport.Web.Tests;

/// <summary>What a browser sees for an unknown address or id, and what the API answers for the same.</summary>
public sealed class ErrorPageSpecs
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>What Chromium sends when a person follows a link or types an address.</summary>
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/accounts/999999999")]
    [InlineData("/users/999999999")]
    public async Task A_signed_in_browser_gets_a_not_found_page_with_the_nav(string path)
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var browser = await hub.SignedInAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        using var response = await browser.SendAsync(request, Cancel);
        var page = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, page);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        page.ShouldContain("<h1>Not found</h1>");
        page.ShouldContain("href=\"/accounts\">Accounts</a>", customMessage: "the page keeps the nav");
        page.ShouldContain(path);
    }

    [Theory]
    [InlineData("/api/v1/accounts/999999999")]
    [InlineData("/api/v1/no-such-resource")]
    public async Task The_api_answers_problem_details_even_to_a_browser(string path)
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var browser = await hub.SignedInAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        using var response = await browser.SendAsync(request, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        body.ShouldContain("\"status\":404");
    }
}
