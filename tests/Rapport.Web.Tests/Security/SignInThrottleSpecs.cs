namespace Rapport.Web.Tests.Security;

/// <summary>
/// Sign-in attempts are counted per client address and account, and per address: guessing stops being cheap long before
/// an account locks. Each attempt is a real form post over loopback; a browser's Accept header decides that the answer is
/// a page.
/// </summary>
public sealed class SignInThrottleSpecs
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sixth_attempt_on_one_account_within_a_minute_is_throttled_even_with_the_right_password()
    {
        // Arrange
        await using var hub = await WebHub.StartAsync(null, o => o with { TrustedProxies = ["127.0.0.1"] }, Cancel);
        var client = ClientAt(hub, "203.0.113.10");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await SignInAsync(client, WebHub.AdminEmail, $"not the password {attempt}");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt} is answered");
            (await wrong.Content.ReadAsStringAsync(Cancel)).ShouldContain("do not match a teammate");
        }

        // Act
        var sixth = await SignInAsync(client, WebHub.AdminEmail, WebHub.AdminPassword);

        // Assert
        sixth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var page = await sixth.Content.ReadAsStringAsync(Cancel);
        page.ShouldContain("Too many attempts");
        page.ShouldContain("Wait a minute");
        (await client.GetAsync("/me", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "a throttled attempt signs nobody in");
        var elsewhere = await SignInAsync(ClientAt(hub, "198.51.100.20"), WebHub.AdminEmail, WebHub.AdminPassword);
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the same account signs in from another address");
    }

    [Fact]
    public async Task One_address_trying_many_accounts_is_throttled_too()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var client = hub.Client();
        for (var person = 1; person <= 20; person++)
            (await SignInAsync(client, $"person{person}@example.test", "a guess at a password")).StatusCode.ShouldBe(HttpStatusCode.OK, $"account {person}");

        var next = await SignInAsync(client, "person21@example.test", "a guess at a password");

        next.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await next.Content.ReadAsStringAsync(Cancel)).ShouldContain("Too many attempts");
    }

    [Fact]
    public async Task Changing_ones_password_is_throttled_like_signing_in_and_shares_its_count()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var client = await hub.SignedInAsync();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        // Signing in was the first attempt on the account from this address.
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            var wrong = await WebHub.PostFormAsync(client, "/me?handler=Password", new() { ["current"] = $"a wrong guess {attempt}", ["next"] = "a brand new passphrase" });
            (await wrong.Content.ReadAsStringAsync(Cancel)).ShouldContain("current password is not right");
        }

        var sixth = await WebHub.PostFormAsync(client, "/me?handler=Password", new() { ["current"] = WebHub.AdminPassword, ["next"] = "a brand new passphrase" });

        sixth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await sixth.Content.ReadAsStringAsync(Cancel)).ShouldContain("Too many attempts");
    }

    internal static HttpClient ClientAt(WebHub hub, string address)
    {
        var client = hub.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    internal static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        if (!client.DefaultRequestHeaders.Accept.Any(a => a.MediaType == "text/html"))
            client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return WebHub.PostFormAsync(client, "/signin", new() { ["email"] = email, ["password"] = password });
    }
}
