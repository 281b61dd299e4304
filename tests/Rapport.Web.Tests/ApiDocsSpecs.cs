namespace Rapport.Web.Tests;

public sealed class ApiDocsSpecs
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_openapi_document_describes_the_running_api()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var client = await hub.TokenClientAsync(TeamRole.TeamMember);

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Cancel));

        var root = document.RootElement;
        root.GetProperty("openapi").GetString().ShouldStartWith("3.");
        root.GetProperty("info").GetProperty("title").GetString().ShouldBe("Rapport REST API");
        var paths = root.GetProperty("paths");
        paths.TryGetProperty("/api/v1/me", out var me).ShouldBeTrue();
        me.GetProperty("get").GetProperty("responses").TryGetProperty("200", out _).ShouldBeTrue();
        paths.EnumerateObject().ShouldAllBe(p => p.Name.StartsWith("/api/v1/"), "only the REST API is described, not pages or assets");
    }

    [Fact]
    public async Task The_reference_page_lists_every_operation_of_the_document()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var client = await hub.SignedInAsync();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Cancel));

        var response = await client.GetAsync("/api", Cancel);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
                page.ShouldContain($"{operation.Name.ToUpperInvariant()}</span> <code>{path.Name}</code>");
        }
        page.ShouldContain("TeammateDto");
    }
}
