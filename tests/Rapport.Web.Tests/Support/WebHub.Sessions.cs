using System.Net;

namespace Rapport.Web.Tests.Support;

public sealed partial class WebHub
{
    private readonly Dictionary<HttpClient, CookieContainer> _cookieJars = [];

    /// <summary>
    /// A second client holding a copy of <paramref name="signedIn"/>'s cookies and headers: someone who took the session
    /// cookie from that browser (a shared computer, a leaked HAR file) and uses it from elsewhere.
    /// </summary>
    public HttpClient CopyOf(HttpClient signedIn)
    {
        var copy = Client();
        foreach (Cookie cookie in _cookieJars[signedIn].GetAllCookies())
            _cookieJars[copy].Add(BaseAddress, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        foreach (var header in signedIn.DefaultRequestHeaders)
            copy.DefaultRequestHeaders.TryAddWithoutValidation(header.Key, header.Value);
        return copy;
    }

    /// <summary>A client signed in through the form from a browser that sends <paramref name="userAgent"/>.</summary>
    public async Task<HttpClient> SignedInFromAsync(string userAgent, string email = AdminEmail, string password = AdminPassword)
    {
        var client = Client();
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        var response = await PostFormAsync(client, "/signin", new() { ["email"] = email, ["password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "signing in redirects");
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await CsrfTokenAsync(client));
        return client;
    }

    /// <summary>Clicks Sign out in the nav: the form's token comes from the profile page, as from any page.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/me");
        var token = AntiforgeryPattern().Match(page);
        token.Success.ShouldBeTrue("a signed-in page has the sign-out form with its antiforgery token");
        return await client.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
    }

    /// <summary>Whether the client's cookie still signs it in: the API answers who it is, or 401.</summary>
    public static async Task<bool> IsSignedInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/me");
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            (await client.GetAsync("/me")).Headers.Location!.ToString().ShouldContain("/signin", customMessage: "a refused cookie sends pages to sign-in too");
            return false;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return true;
    }
}
