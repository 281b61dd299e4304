using Microsoft.Extensions.Time.Testing;
using Rapport.IntercomSimulator;

namespace Rapport.Web.Tests.Integration;

public sealed class OAuthConnectSpecs
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connecting_with_OAuth_goes_through_Intercoms_consent_page_and_lands_on_the_configuration()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        hub.RegisterCallbackWithSimulator();
        var browser = await hub.SignedInAsync();

        var callback = await hub.ConnectWithOAuthAsync(browser, region: "eu");
        var page = await browser.GetStringAsync(callback.Headers.Location, Cancel);

        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        callback.Headers.Location!.ToString().ShouldBe("/settings/integrations/intercom?connected=true");
        page.ShouldContain("Connected to Rapport Simulator");
        page.ShouldContain(hub.Simulator.Workspace.AppId);
        page.ShouldContain("with OAuth");
        page.ShouldContain("data-testid=\"options-form\"");
        hub.Simulator.Stats.RequestsTo("POST /auth/eagle/token").ShouldBe(1);
        var stored = await hub.Store.SyncState.GetSyncStateAsync("intercom.connection", Cancel);
        stored.ShouldNotBeNull();
        stored.ShouldContain("\"region\":\"eu\"");
        stored.ShouldNotContain("tok:", Case.Sensitive, "the token is stored encrypted");
    }

    [Fact]
    public async Task A_tampered_state_ends_on_a_page_that_says_so_and_keeps_the_previous_connection()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        hub.RegisterCallbackWithSimulator();
        var browser = await hub.SignedInAsync();
        await hub.ConnectWithOAuthAsync(browser);
        var before = await hub.Store.SyncState.GetSyncStateAsync("intercom.connection", Cancel);

        var back = await hub.AuthorizeOnSimulatorAsync(browser);
        var tampered = back.AbsoluteUri.Replace("state=", "state=x", StringComparison.Ordinal);
        var response = await browser.GetAsync(tampered, Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("could not be verified");
        html.ShouldContain("state parameter was altered");
        html.ShouldContain("Start again from Settings");
        html.ShouldContain("still connected to <strong>Rapport Simulator</strong>");
        (await hub.Store.SyncState.GetSyncStateAsync("intercom.connection", Cancel)).ShouldBe(before);
        hub.Simulator.Stats.RequestsTo("POST /auth/eagle/token").ShouldBe(1, "the code of a refused state is never exchanged");
    }

    [Fact]
    public async Task A_state_brought_back_to_another_browser_is_refused()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        hub.RegisterCallbackWithSimulator();
        var started = await hub.SignedInAsync();
        var other = await hub.SignedInAsync();

        var back = await hub.AuthorizeOnSimulatorAsync(started);
        var response = await other.GetAsync(back, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("belongs to another browser");
        (await hub.Store.SyncState.GetSyncStateAsync("intercom.connection", Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task Denying_authorization_ends_on_a_page_that_says_access_was_denied_and_changes_nothing()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        hub.RegisterCallbackWithSimulator();
        var browser = await hub.SignedInAsync();

        var back = await hub.AuthorizeOnSimulatorAsync(browser, deny: true);
        var response = await browser.GetAsync(back, Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        back.Query.ShouldContain("error=access_denied");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("Access was denied");
        html.ShouldContain("click Connect to Intercom again and choose Authorize");
        (await hub.Store.SyncState.GetSyncStateAsync("intercom.connection", Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task An_expired_code_ends_on_a_page_that_says_codes_expire_and_keeps_the_previous_connection()
    {
        var intercomTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await WebHub.StartAsync(new SimulatorOptions { Companies = 10, Contacts = 30, RateLimitPerMinute = null, TimeProvider = intercomTime }, Cancel);
        hub.RegisterCallbackWithSimulator();
        var browser = await hub.SignedInAsync();
        await hub.ConnectWithTokenAsync(await hub.TokenClientAsync(Hub.Team.TeamRole.Admin));

        var back = await hub.AuthorizeOnSimulatorAsync(browser);
        intercomTime.Advance(hub.Simulator.Options.OAuthCodeLifetime + TimeSpan.FromSeconds(1));
        var response = await browser.GetAsync(back, Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("Intercom refused the authorization code");
        html.ShouldContain("codes expire a few minutes after you authorize");
        html.ShouldContain("still connected to <strong>Rapport Simulator</strong>");
        (await hub.Store.SyncState.GetSyncStateAsync("intercom.connection", Cancel))!.ShouldContain("\"method\":\"token\"");
    }

    [Fact]
    public async Task A_pasted_token_Intercom_rejects_is_reported_on_the_page_and_the_previous_connection_stays()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var browser = await hub.SignedInAsync();
        await WebHub.PostFormAsync(browser, "/settings/integrations/intercom?handler=Token", new() { ["region"] = "us", ["token"] = hub.Simulator.Options.AccessToken });
        var before = await hub.Store.SyncState.GetSyncStateAsync("intercom.connection", Cancel);

        var response = await WebHub.PostFormAsync(browser, "/settings/integrations/intercom?handler=Token", new() { ["region"] = "us", ["token"] = "not-a-real-token" });
        var html = await response.Content.ReadAsStringAsync(Cancel);

        before.ShouldNotBeNull();
        html.ShouldContain("Intercom refused the access token (401 Unauthorized on GET /me)");
        html.ShouldContain("Check that you copied the whole access token");
        html.ShouldContain("The previous connection, if any, is unchanged.");
        html.ShouldNotContain("not-a-real-token");
        (await hub.Store.SyncState.GetSyncStateAsync("intercom.connection", Cancel)).ShouldBe(before);
    }

    [Fact]
    public async Task Intercom_unreachable_when_the_token_is_verified_ends_on_a_page_that_says_so_and_connects_nothing()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        hub.RegisterCallbackWithSimulator();
        var browser = await hub.SignedInAsync();
        var api = await hub.TokenClientAsync(Hub.Team.TeamRole.Admin);
        var back = await hub.AuthorizeOnSimulatorAsync(browser);

        hub.Simulator.InjectFault("drop_connection", count: 5, pathPrefix: "/me");
        var response = await browser.GetAsync(back, Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        var status = await api.GetFromJsonAsync<JsonElement>("/api/v1/integrations/intercom", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        html.ShouldContain("Intercom could not be reached");
        html.ShouldContain("Check this server&#x27;s network connection");
        status.GetProperty("connection").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
