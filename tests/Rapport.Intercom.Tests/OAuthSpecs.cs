using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Intercom.OAuth;
using Rapport.IntercomSimulator;

namespace Rapport.Intercom.Tests;

public sealed class OAuthSpecs
{
    private static readonly Uri Callback = new("http://localhost:5000/intercom/oauth/callback");

    [Fact]
    public void The_authorize_url_carries_client_id_state_and_the_chosen_redirect_url_escaped()
    {
        var url = IntercomOAuth.BuildAuthorizeUrl("abc 123", "st&te=1", new Uri("https://rapport.example/cb?x=1"));

        url.GetLeftPart(UriPartial.Path).ShouldBe("https://app.intercom.com/oauth");
        url.Query.ShouldBe("?client_id=abc%20123&state=st%26te%3D1&redirect_uri=https%3A%2F%2Frapport.example%2Fcb%3Fx%3D1");
        IntercomOAuth.BuildAuthorizeUrl(new Uri("http://127.0.0.1:8700/oauth"), "c", "s").AbsoluteUri.ShouldBe("http://127.0.0.1:8700/oauth?client_id=c&state=s");
    }

    [Fact]
    public async Task A_code_ending_in_an_equals_sign_is_exchanged_for_a_token_that_works_on_the_API()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        using var services = OAuthServices();
        var code = await AuthorizeAsync(intercom.Server, "state-1", ct);

        var token = await services.GetRequiredService<IntercomOAuth>().ExchangeCodeAsync(intercom.Server.BaseAddress, code, "sim_client", "sim_secret", ct);
        await using var connected = ClientWith(intercom.Server, token.AccessToken);
        var me = await connected.GetRequiredService<IntercomClient>().GetMeAsync(ct);

        code.ShouldEndWith("=");
        token.TokenType.ShouldBe("Bearer");
        token.AccessToken.ShouldNotBe("sim_token");
        token.ToString().ShouldNotContain(token.AccessToken);
        me.App!.IdCode.ShouldBe(intercom.Workspace.AppId);
    }

    [Fact]
    public async Task A_trimmed_or_reused_code_is_unauthorized_with_a_one_line_message()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        using var services = OAuthServices();
        var oauth = services.GetRequiredService<IntercomOAuth>();
        var code = await AuthorizeAsync(intercom.Server, "state-2", ct);

        var trimmed = await Should.ThrowAsync<IntercomUnauthorizedException>(() => oauth.ExchangeCodeAsync(intercom.Server.BaseAddress, code.TrimEnd('='), "sim_client", "sim_secret", ct));
        await oauth.ExchangeCodeAsync(intercom.Server.BaseAddress, code, "sim_client", "sim_secret", ct);
        var reused = await Should.ThrowAsync<IntercomUnauthorizedException>(() => oauth.ExchangeCodeAsync(intercom.Server.BaseAddress, code, "sim_client", "sim_secret", ct));

        foreach (var error in new[] { trimmed, reused })
        {
            error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            error.Endpoint.ShouldBe("POST /auth/eagle/token");
            error.Message.ShouldStartWith($"Intercom at {intercom.Server.BaseAddress} rejected the OAuth code exchange (Unauthorized Code)");
            error.Message.ShouldNotContain("\n");
        }
    }

    [Fact]
    public async Task A_wrong_client_secret_is_unauthorized_and_never_quoted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        using var services = OAuthServices();
        var code = await AuthorizeAsync(intercom.Server, "state-3", ct);

        var error = await Should.ThrowAsync<IntercomUnauthorizedException>(() =>
            services.GetRequiredService<IntercomOAuth>().ExchangeCodeAsync(intercom.Server.BaseAddress, code, "sim_client", "hunter2-secret", ct));

        error.ErrorMessage.ShouldBe("Unauthorized Client");
        error.Message.ShouldNotContain("hunter2-secret");
        error.Body.ShouldNotContain("hunter2-secret");
    }

    private static ServiceProvider OAuthServices()
    {
        var services = new ServiceCollection();
        services.AddRapportIntercomOAuth();
        services.AddRapportIntercomOAuth();
        return services.BuildServiceProvider();
    }

    private static ServiceProvider ClientWith(IntercomSimulatorServer server, string token)
    {
        var services = new ServiceCollection();
        services.AddRapportIntercom(o => { o.BaseAddress = server.BaseAddress; o.AccessToken = token; });
        return services.BuildServiceProvider();
    }

    // The user's browser: the simulator's Authorize button posts the consent form and is redirected to the app's callback.
    private static async Task<string> AuthorizeAsync(IntercomSimulatorServer server, string state, CancellationToken ct)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = "sim_client", ["state"] = state, ["redirect_uri"] = Callback.AbsoluteUri });
        using var response = await browser.PostAsync("oauth", form, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        var query = response.Headers.Location!.Query.TrimStart('?').Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]));
        query["state"].ShouldBe(state);
        return query["code"];
    }
}
