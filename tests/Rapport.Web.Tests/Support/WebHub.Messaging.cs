using System.Net.Http.Headers;
using Rapport.Hub.Team;

namespace Rapport.Web.Tests.Support;

public sealed partial class WebHub
{
    /// <summary>A teammate mapped to the Intercom admin with <paramref name="intercomAdminEmail"/> (null: by their own email).</summary>
    public async Task<(string Email, string Password)> AddMappedTeammateAsync(TeamRole role, string? intercomAdminEmail, string? email = null)
    {
        email ??= $"{role.ToName()}-{Guid.NewGuid():N}@example.test";
        const string password = "a long enough password";
        (await Store.Team.AddTeammateAsync(email, role.Display(), role, intercomAdminEmail, Web.Auth.Passwords.Hash(password))).ShouldNotBeNull();
        return (email, password);
    }

    /// <summary>A client with a personal API token of the teammate <paramref name="email"/>, created on their profile page.</summary>
    public async Task<HttpClient> TokenClientAsync(string email, string password)
    {
        var browser = await SignedInAsync(email, password);
        var page = await (await PostFormAsync(browser, "/me?handler=Create", new() { ["name"] = "tests" })).Content.ReadAsStringAsync();
        var token = TokenPattern().Match(page).Value;
        token.ShouldStartWith("rpt_");
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _clients.Add(client);
        return client;
    }
}
