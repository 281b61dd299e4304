using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Rapport.IntercomSimulator.Tests;

public sealed class OAuthSpecs
{
    private const string Callback = "http://localhost:5000/intercom/oauth/callback";

    [Fact]
    public async Task The_authorize_page_asks_to_authorize_the_app_with_a_button_and_a_cancel_link()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var browser = Browser(server);

        using var page = await browser.GetAsync("oauth?client_id=sim_client&state=xyz", Api.Ct);
        var html = await page.Content.ReadAsStringAsync(Api.Ct);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        html.ShouldContain("Authorize Rapport to access Rapport Simulator");
        html.ShouldContain("<form method=\"post\" action=\"/oauth\">");
        html.ShouldContain("<button type=\"submit\" id=\"authorize\">Authorize</button>");
        html.ShouldContain("/oauth/cancel?");
        html.ShouldNotContain("<script");
    }

    [Fact]
    public async Task Authorizing_redirects_with_a_code_and_the_state_and_the_code_buys_a_token_that_works_on_the_API()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var browser = Browser(server);

        var (code, state) = await AuthorizeAsync(browser, "s t&ate=1");
        using var exchange = await ExchangeAsync(browser, code);
        var token = await TokenAsync(exchange);
        using var api = new Api(server, token);
        var me = await api.GetAsync("/me");

        state.ShouldBe("s t&ate=1");
        code.ShouldEndWith("=");
        exchange.StatusCode.ShouldBe(HttpStatusCode.OK);
        me.Status.ShouldBe(HttpStatusCode.OK);
        me.Body.GetProperty("app").GetProperty("id_code").GetString().ShouldBe(server.Workspace.AppId);
        server.Stats.RequestsTo("POST /oauth").ShouldBe(1);
        server.Stats.RequestsTo("POST /auth/eagle/token").ShouldBe(1);
    }

    [Fact]
    public async Task The_exchange_takes_a_JSON_body_as_well_and_answers_with_a_bearer_token()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var browser = Browser(server);
        var (code, _) = await AuthorizeAsync(browser, "json");

        using var body = new StringContent(JsonSerializer.Serialize(new { code, client_id = "sim_client", client_secret = "sim_secret" }), Encoding.UTF8, "application/json");
        using var response = await browser.PostAsync("auth/eagle/token", body, Api.Ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Api.Ct));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        json.RootElement.GetProperty("token_type").GetString().ShouldBe("Bearer");
        json.RootElement.GetProperty("access_token").GetString().ShouldBe(json.RootElement.GetProperty("token").GetString());
    }

    [Fact]
    public async Task A_code_is_single_use()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var browser = Browser(server);
        var (code, _) = await AuthorizeAsync(browser, "once");

        using var first = await ExchangeAsync(browser, code);
        using var second = await ExchangeAsync(browser, code);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeUnauthorizedAsync(second, "Unauthorized Code");
    }

    [Fact]
    public async Task Codes_alternate_between_ending_in_an_equals_sign_and_not_and_a_trimmed_one_is_refused()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var browser = Browser(server);
        var (padded, _) = await AuthorizeAsync(browser, "a");
        var (unpadded, _) = await AuthorizeAsync(browser, "b");

        using var trimmed = await ExchangeAsync(browser, padded.TrimEnd('='));

        padded.ShouldEndWith("=");
        unpadded.ShouldNotEndWith("=");
        await ShouldBeUnauthorizedAsync(trimmed, "Unauthorized Code");
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused_and_leaves_the_code_usable()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var browser = Browser(server);
        var (code, _) = await AuthorizeAsync(browser, "secret");

        using var wrong = await ExchangeAsync(browser, code, secret: "not_the_secret");
        using var right = await ExchangeAsync(browser, code);

        await ShouldBeUnauthorizedAsync(wrong, "Unauthorized Client");
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_code_expires_after_the_configured_lifetime()
    {
        var time = new FakeTimeProvider(SimulatorServers.Now);
        await using var server = await SimulatorServers.StartAsync(time: time);
        using var browser = Browser(server);
        var (code, _) = await AuthorizeAsync(browser, "late");

        time.Advance(server.Options.OAuthCodeLifetime + TimeSpan.FromSeconds(1));
        using var late = await ExchangeAsync(browser, code);

        await ShouldBeUnauthorizedAsync(late, "Unauthorized Code");
    }

    [Fact]
    public async Task A_redirect_uri_that_is_not_registered_gets_a_400_page_and_no_redirect()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var browser = Browser(server);

        using var page = await browser.GetAsync($"oauth?client_id=sim_client&state=x&redirect_uri={Uri.EscapeDataString("https://evil.example/cb")}", Api.Ct);
        using var unknownClient = await browser.GetAsync("oauth?client_id=someone_else&state=x", Api.Ct);

        page.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.Headers.Location.ShouldBeNull();
        (await page.Content.ReadAsStringAsync(Api.Ct)).ShouldContain("The redirect_uri is not registered for this app.");
        unknownClient.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unknownClient.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task Cancelling_redirects_with_access_denied_and_the_state()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var browser = Browser(server);
        using var page = await browser.GetAsync("oauth?client_id=sim_client&state=abc", Api.Ct);
        var cancelHref = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(Api.Ct), "href=\"([^\"]+)\" id=\"cancel\"").Groups[1].Value);

        using var cancel = await browser.GetAsync(cancelHref.TrimStart('/'), Api.Ct);

        cancel.StatusCode.ShouldBe(HttpStatusCode.Found);
        var location = cancel.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe(Callback);
        Query(location).ShouldBe(new Dictionary<string, string> { ["error"] = "access_denied", ["state"] = "abc" });
    }

    [Fact]
    public async Task Minted_tokens_share_the_apps_rate_limit_with_the_access_token()
    {
        await using var server = await SimulatorServers.StartAsync(rateLimit: 60);
        using var browser = Browser(server);
        var (code, _) = await AuthorizeAsync(browser, "budget");
        using var exchange = await ExchangeAsync(browser, code);
        using var oauth = new Api(server, await TokenAsync(exchange));
        using var own = new Api(server);

        var first = await oauth.GetAsync("/me");
        var second = await own.GetAsync("/me");

        first.Header("X-RateLimit-Remaining").ShouldBe("9");
        second.Header("X-RateLimit-Remaining").ShouldBe("8");
    }

    [Fact]
    public async Task A_redirect_url_registered_at_run_time_is_accepted_by_the_consent_page()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var browser = Browser(server);
        const string hub = "http://127.0.0.1:45678/intercom/oauth/callback";
        var url = $"oauth?client_id=sim_client&state=x&redirect_uri={Uri.EscapeDataString(hub)}";
        using var before = await browser.GetAsync(url, Api.Ct);

        using var register = await browser.PostAsync("_simulator/oauth/redirect_uris", new StringContent($$"""{"url":"{{hub}}"}""", Encoding.UTF8, "application/json"), Api.Ct);
        using var after = await browser.GetAsync(url, Api.Ct);

        before.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        register.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await after.Content.ReadAsStringAsync(Api.Ct)).ShouldContain(hub);
    }

    [Fact]
    public async Task Revoking_makes_every_issued_token_fail_with_401_and_leaves_the_access_token_working()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var browser = Browser(server);
        var (code, _) = await AuthorizeAsync(browser, "revoke");
        using var exchange = await ExchangeAsync(browser, code);
        using var oauth = new Api(server, await TokenAsync(exchange));
        using var own = new Api(server);

        using var revoke = await browser.PostAsync("_simulator/oauth/revoke", null, Api.Ct);
        var refused = await oauth.GetAsync("/me");
        var still = await own.GetAsync("/me");

        revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        refused.Status.ShouldBe(HttpStatusCode.Unauthorized);
        still.Status.ShouldBe(HttpStatusCode.OK);
    }

    private static HttpClient Browser(IntercomSimulatorServer server) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    // What the Authorize button does: the consent form, posted back.
    private static async Task<(string Code, string State)> AuthorizeAsync(HttpClient browser, string state)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = "sim_client", ["state"] = state, ["redirect_uri"] = Callback });
        using var response = await browser.PostAsync("oauth", form, Api.Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        response.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe(Callback);
        var query = Query(response.Headers.Location);
        return (query["code"], query["state"]);
    }

    private static Task<HttpResponseMessage> ExchangeAsync(HttpClient browser, string code, string secret = "sim_secret")
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code, ["client_id"] = "sim_client", ["client_secret"] = secret });
        return browser.PostAsync("auth/eagle/token", form, Api.Ct);
    }

    private static async Task<string> TokenAsync(HttpResponseMessage exchange)
    {
        using var json = JsonDocument.Parse(await exchange.Content.ReadAsStringAsync(Api.Ct));
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task ShouldBeUnauthorizedAsync(HttpResponseMessage response, string message)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Api.Ct));
        json.RootElement.GetProperty("type").GetString().ShouldBe("error.list");
        var error = json.RootElement.GetProperty("errors")[0];
        error.GetProperty("code").GetString().ShouldBe("unauthorized");
        error.GetProperty("message").GetString().ShouldBe(message);
    }

    private static Dictionary<string, string> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair[1]));
}
