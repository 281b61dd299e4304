namespace Rapport.Web.Tests.Security;

/// <summary>
/// A form on another site of the same host (another port, a sibling subdomain) gets the session cookie attached by the
/// browser; the API must not act on it. Rotating the Segment write key stands for every state-changing call.
/// </summary>
public sealed class CrossSiteRequestSpecs
{
    private const string Rotate = "/api/v1/integrations/segment/rotate";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("same-site", "http://127.0.0.1:1")]
    [InlineData("cross-site", "https://attacker.example")]
    public async Task A_form_posted_from_another_site_with_the_session_cookie_is_refused_and_changes_nothing(string fetchSite, string origin)
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var victim = await hub.SignedInWithoutTokenAsync();
        var keyBefore = await WriteKeyAsync(victim);
        using var forged = new HttpRequestMessage(HttpMethod.Post, Rotate)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["anything"] = "1" }),
        };
        forged.Headers.Add("Sec-Fetch-Site", fetchSite);
        forged.Headers.Add("Origin", origin);

        var response = await victim.SendAsync(forged, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("own pages only");
        (await WriteKeyAsync(victim)).ShouldBe(keyBefore);
    }

    [Fact]
    public async Task A_cookie_request_without_the_antiforgery_token_is_refused_naming_the_header()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var client = await hub.SignedInWithoutTokenAsync();
        var keyBefore = await WriteKeyAsync(client);

        var response = await client.PostAsync(Rotate, null, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("X-CSRF-TOKEN");
        (await WriteKeyAsync(client)).ShouldBe(keyBefore);
    }

    [Fact]
    public async Task A_token_of_another_session_does_not_count()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var attacker = await hub.SignedInAsync();
        var victim = await hub.SignedInWithoutTokenAsync();
        victim.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await WebHub.CsrfTokenAsync(attacker));
        var keyBefore = await WriteKeyAsync(victim);

        var response = await victim.PostAsync(Rotate, null, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await WriteKeyAsync(victim)).ShouldBe(keyBefore);
    }

    [Fact]
    public async Task The_pages_own_call_with_their_token_from_the_same_origin_goes_through()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var client = await hub.SignedInAsync();
        var keyBefore = await WriteKeyAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, Rotate);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Add("Origin", hub.BaseAddress.GetLeftPart(UriPartial.Authority));

        var response = await client.SendAsync(request, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WriteKeyAsync(client)).ShouldNotBe(keyBefore);
    }

    [Fact]
    public async Task A_bearer_token_needs_no_antiforgery_token_from_anywhere()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var client = await hub.TokenClientAsync(TeamRole.Admin);
        var keyBefore = await WriteKeyAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, Rotate);
        request.Headers.Add("Origin", "https://automation.example");

        var response = await client.SendAsync(request, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WriteKeyAsync(client)).ShouldNotBe(keyBefore);
    }

    private static async Task<string> WriteKeyAsync(HttpClient client)
    {
        var status = await client.GetFromJsonAsync<JsonElement>("/api/v1/integrations/segment", Cancel);
        return status.GetProperty("writeKey").GetString()!;
    }
}
