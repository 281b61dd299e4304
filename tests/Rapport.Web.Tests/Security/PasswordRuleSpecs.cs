namespace Rapport.Web.Tests.Security;

/// <summary>
/// A new password is refused, saying why, when it is common, made of the email or the product's name, or one character
/// repeated; the old password keeps working then. Changing one's own password on the profile stands for every place a
/// password is set (the first admin's is checked by the same rules, see the command line's specs).
/// </summary>
public sealed class PasswordRuleSpecs
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("aaaaaaaaaa", "one character repeated")]
    [InlineData("##########", "one character repeated")]
    [InlineData("qwertyuiop", "most common passwords")]
    [InlineData("Password123", "most common passwords")]
    [InlineData("BASKETBALL", "most common passwords")]
    [InlineData("admin@example.test", "the email address")]
    [InlineData("Admin-2026!", "the email address")]
    [InlineData("Rapport2026!", "the name Rapport")]
    [InlineData("rapport-admin-1", "the name Rapport")]
    public async Task A_weak_new_password_is_refused_saying_why_and_the_old_one_stays(string weak, string reason)
    {
        // Arrange
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var client = await hub.SignedInAsync();

        // Act
        var response = await WebHub.PostFormAsync(client, "/me?handler=Password", new() { ["current"] = WebHub.AdminPassword, ["next"] = weak });

        // Assert
        var page = await response.Content.ReadAsStringAsync(Cancel);
        page.ShouldContain("Not changed:");
        page.ShouldContain(reason);
        (await WebHub.PostFormAsync(hub.Client(), "/signin", new() { ["email"] = WebHub.AdminEmail, ["password"] = weak }))
            .StatusCode.ShouldBe(HttpStatusCode.OK, "the weak password was not set");
        (await hub.SignedInAsync()).ShouldNotBeNull("the old password still signs in");
    }

    [Fact]
    public async Task A_password_that_only_contains_a_common_word_is_accepted()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var client = await hub.SignedInAsync();

        var response = await WebHub.PostFormAsync(client, "/me?handler=Password", new() { ["current"] = WebHub.AdminPassword, ["next"] = "basketball under the moon" });

        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("Your password was changed");
        (await hub.SignedInAsync(WebHub.AdminEmail, "basketball under the moon")).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_new_teammates_generated_password_passes_the_rules_and_signs_in()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        var admin = await hub.SignedInAsync();

        var added = await admin.PostAsJsonAsync("/api/v1/teammates", new { email = "grace@example.test", name = "Grace Hopper", role = "leader" }, Cancel);

        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var password = (await added.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("password").GetString()!;
        (await hub.SignedInAsync("grace@example.test", password)).ShouldNotBeNull();
        var profile = await hub.SignedInAsync("grace@example.test", password);
        var change = await WebHub.PostFormAsync(profile, "/me?handler=Password", new() { ["current"] = password, ["next"] = password });
        (await change.Content.ReadAsStringAsync(Cancel)).ShouldContain("Your password was changed", customMessage: "the generated password is itself acceptable");
    }
}
