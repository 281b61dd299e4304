using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Rapport.Web.Tests.Support;

/// <summary>The Intercom integration's steps, done the way a teammate's browser or an API client does them.</summary>
public sealed partial class WebHub
{
    public Uri CallbackUrl => new(BaseAddress, "intercom/oauth/callback");

    /// <summary>The simulator's OAuth app accepts this hub's callback, as registering it in Intercom's Developer Hub does.</summary>
    public void RegisterCallbackWithSimulator() => Simulator.RegisterRedirectUri(CallbackUrl);

    /// <summary>
    /// Clicks "Connect to Intercom", follows the redirect to the simulator's consent page and clicks Authorize (or Cancel),
    /// and returns where the simulator sends the browser back: the hub's callback URL, not yet visited.
    /// </summary>
    public async Task<Uri> AuthorizeOnSimulatorAsync(HttpClient browser, string region = "us", bool deny = false)
    {
        var connect = await browser.GetAsync($"/intercom/oauth/connect?region={region}");
        connect.StatusCode.ShouldBe(HttpStatusCode.Redirect, "Connect to Intercom redirects to Intercom's consent page");
        var consentUrl = connect.Headers.Location!;
        consentUrl.GetLeftPart(UriPartial.Path).ShouldBe(new Uri(Simulator.BaseAddress, "oauth").AbsoluteUri);

        using var intercom = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = await intercom.GetAsync(consentUrl);
        var html = await consent.Content.ReadAsStringAsync();
        consent.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("Authorize");

        HttpResponseMessage back;
        if (deny)
        {
            back = await intercom.GetAsync(new Uri(Simulator.BaseAddress, WebUtility.HtmlDecode(CancelLink().Match(html).Groups[1].Value)));
        }
        else
        {
            var fields = HiddenField().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
            back = await intercom.PostAsync(new Uri(Simulator.BaseAddress, "oauth"), new FormUrlEncodedContent(fields));
        }
        back.StatusCode.ShouldBe(HttpStatusCode.Found);
        back.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe(CallbackUrl.AbsoluteUri);
        return back.Headers.Location;
    }

    /// <summary>Takes the company_id off two companies and the user_id off two users in the simulator, as a workspace that was never tidied has.</summary>
    public (IntercomSimulator.SimulatedCompany Company, IntercomSimulator.SimulatedContact User) RemoveSomeIds()
    {
        var workspace = Simulator.Workspace;
        var companies = workspace.Companies.Take(2).ToList();
        var users = workspace.Contacts.Where(c => c.Role == "user").Take(2).ToList();
        foreach (var company in companies)
            workspace.UpdateCompany(company.Id, c => c.CompanyId = null);
        foreach (var user in users)
            workspace.UpdateContact(user.Id, c => c.ExternalId = null);
        return (companies[0], users[0]);
    }

    /// <summary>The whole OAuth flow; returns the callback's answer.</summary>
    public async Task<HttpResponseMessage> ConnectWithOAuthAsync(HttpClient browser, string region = "us") =>
        await browser.GetAsync(await AuthorizeOnSimulatorAsync(browser, region));

    /// <summary>Connects with the simulator's access token through the API.</summary>
    public async Task ConnectWithTokenAsync(HttpClient api, string? token = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/integrations/intercom/token", new { region = "us", token = token ?? Simulator.Options.AccessToken });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();

    [GeneratedRegex("href=\"([^\"]+)\" id=\"cancel\"")]
    private static partial Regex CancelLink();
}
