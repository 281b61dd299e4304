using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Rapport.Intercom.Webhooks;
using Rapport.Application.Settings;
using Rapport.Web.Tests.Accounts;

namespace Rapport.Web.Tests.Webhooks;

/// <summary>Intercom's webhooks into <c>/webhooks/intercom</c>, from the real simulator or posted signed by hand, over loopback.</summary>
public sealed class WebhookSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_company_changed_in_Intercom_shows_in_its_account_through_a_signed_webhook()
    {
        await using var hub = await LiveHubAsync();
        await hub.ConnectWithTokenAsync(await hub.TokenClientAsync(Hub.Team.TeamRole.Admin));
        var company = ImportedHub.Imported(hub)[0];

        hub.Simulator.Workspace.UpdateCompany(company.Id, c => c.Name = "Renamed in Intercom");

        await EventuallyAsync(async () => (await hub.Store.Browse.FindAccountAsync(company.CompanyId!, Token))?.Name == "Renamed in Intercom");
        var inbox = await hub.Store.Inbox.CountInboxAsync(Token);
        inbox.Applied.ShouldBeGreaterThanOrEqualTo(1);
        inbox.Failed.ShouldBe(0);
        var page = await (await hub.SignedInAsync()).GetStringAsync("/settings/integrations", Token);
        page.ShouldContain($"{inbox.Received} received · {inbox.Applied} applied · 0 failed");
    }

    [Fact]
    public async Task A_user_renamed_in_Intercom_shows_renamed_in_the_hub()
    {
        await using var hub = await LiveHubAsync();
        var imported = ImportedHub.Imported(hub).Select(c => c.Id).ToHashSet();
        var user = hub.Simulator.Workspace.Contacts.First(c => c.Role == "user" && c.ExternalId is not null && c.CompanyIds.Any(imported.Contains));
        (await hub.Store.Browse.FindUserAsync(user.ExternalId!, Token)).ShouldNotBeNull("the user came in with the import");

        hub.Simulator.Workspace.UpdateContact(user.Id, c => c.Name = "Renamed by webhook");

        await EventuallyAsync(async () => (await hub.Store.Browse.FindUserAsync(user.ExternalId!, Token))?.Name == "Renamed by webhook");
    }

    [Fact]
    public async Task A_company_that_stops_qualifying_takes_its_users_with_it_and_a_rename_leaves_them_in_place()
    {
        await using var hub = await LiveHubAsync();
        async Task<IReadOnlyList<string>> UsersOfAsync(string companyId) => (await hub.Store.Browse.FindAccountAsync(companyId, Token))!.UserExternalIds;
        var withUsers = new List<Rapport.IntercomSimulator.SimulatedCompany>();
        foreach (var company in ImportedHub.Imported(hub).Skip(2))
        {
            if ((await UsersOfAsync(company.CompanyId!)).Count > 0)
                withUsers.Add(company);
        }

        var (renamed, dropped) = (withUsers[0], withUsers[1]);
        var renamedUsers = await UsersOfAsync(renamed.CompanyId!);

        hub.Simulator.Workspace.UpdateCompany(renamed.Id, c => c.Name = "Renamed, same users");
        hub.Simulator.Workspace.UpdateCompany(dropped.Id, c => c.LastRequestAt = TimeProvider.System.GetUtcNow().AddDays(-200));

        // Memberships follow once per inbox batch, after its companies: a moment after the account turns inactive.
        await EventuallyAsync(async () => (await hub.Store.Browse.FindAccountAsync(dropped.CompanyId!, Token))?.Status == Hub.Accounts.RecordStatus.Inactive
            && (await hub.Store.Browse.FindAccountAsync(renamed.CompanyId!, Token))?.Name == "Renamed, same users"
            && (await UsersOfAsync(dropped.CompanyId!)).Count == 0);
        (await UsersOfAsync(dropped.CompanyId!)).ShouldBeEmpty("its users are no longer members");
        (await UsersOfAsync(renamed.CompanyId!)).ShouldBe(renamedUsers);
    }

    [Fact]
    public async Task A_company_deleted_in_Intercom_makes_its_account_inactive_with_the_reason()
    {
        await using var hub = await LiveHubAsync();
        var company = ImportedHub.Imported(hub)[1];

        hub.Simulator.Workspace.RemoveCompany(company.Id).ShouldBeTrue();

        await EventuallyAsync(async () => (await hub.Store.Browse.FindAccountAsync(company.CompanyId!, Token))?.StatusReason == "deleted in Intercom");
    }

    [Fact]
    public async Task Forged_unsigned_wrong_secret_malformed_and_oversized_bodies_are_rejected_and_nothing_is_stored()
    {
        await using var hub = await LiveHubAsync();
        using var intercom = new HttpClient { BaseAddress = hub.BaseAddress };
        var body = await CompanyNotificationAsync(hub, "notif_forged", "Forged", hub.Simulator.Workspace.Companies[0].UpdatedAt.AddSeconds(5));
        var secret = hub.Simulator.Options.ClientSecret;

        (await PostAsync(intercom, body, signature: null)).ShouldBe(HttpStatusCode.Unauthorized, "unsigned");
        (await PostAsync(intercom, body, IntercomWebhookSignature.Sign(Encoding.UTF8.GetBytes(body), "not-the-secret"))).ShouldBe(HttpStatusCode.Unauthorized, "wrong secret");
        var forged = body.Replace("Forged", "Forgee", StringComparison.Ordinal);
        (await PostAsync(intercom, forged, IntercomWebhookSignature.Sign(Encoding.UTF8.GetBytes(body), secret))).ShouldBe(HttpStatusCode.Unauthorized, "replayed signature on another body");
        var malformed = body[..^5];
        (await PostAsync(intercom, malformed, IntercomWebhookSignature.Sign(Encoding.UTF8.GetBytes(malformed), secret))).ShouldBe(HttpStatusCode.BadRequest, "truncated JSON");
        var huge = new string(' ', 2 * 1024 * 1024) + body;
        (await PostAsync(intercom, huge, IntercomWebhookSignature.Sign(Encoding.UTF8.GetBytes(huge), secret))).ShouldBe(HttpStatusCode.RequestEntityTooLarge, "2 MiB");

        (await hub.Store.Inbox.CountInboxAsync(Token)).Received.ShouldBe(0);
    }

    [Fact]
    public async Task The_same_notification_delivered_three_times_is_stored_and_applied_once()
    {
        await using var hub = await LiveHubAsync();
        using var intercom = new HttpClient { BaseAddress = hub.BaseAddress };
        var company = ImportedHub.Imported(hub)[0];
        var body = await CompanyNotificationAsync(hub, "notif_thrice", "Delivered thrice", company.UpdatedAt.AddSeconds(5), company.Id);

        for (var i = 0; i < 3; i++)
            (await PostAsync(intercom, body, Sign(hub, body))).ShouldBe(HttpStatusCode.OK);

        await EventuallyAsync(async () => (await hub.Store.Inbox.CountInboxAsync(Token)).Applied == 1);
        (await hub.Store.Inbox.CountInboxAsync(Token)).Received.ShouldBe(1);
        (await hub.Store.Browse.FindAccountAsync(company.CompanyId!, Token))!.Name.ShouldBe("Delivered thrice");
    }

    [Fact]
    public async Task An_older_notification_delivered_after_a_newer_one_does_not_overwrite_it()
    {
        await using var hub = await LiveHubAsync();
        using var intercom = new HttpClient { BaseAddress = hub.BaseAddress };
        var company = ImportedHub.Imported(hub)[0];
        var newer = await CompanyNotificationAsync(hub, "notif_newer", "Newer name", company.UpdatedAt.AddSeconds(20), company.Id);
        var older = await CompanyNotificationAsync(hub, "notif_older", "Older name", company.UpdatedAt.AddSeconds(10), company.Id);

        (await PostAsync(intercom, newer, Sign(hub, newer))).ShouldBe(HttpStatusCode.OK);
        (await PostAsync(intercom, older, Sign(hub, older))).ShouldBe(HttpStatusCode.OK);

        await EventuallyAsync(async () => (await hub.Store.Inbox.CountInboxAsync(Token)).Applied == 2);
        (await hub.Store.Browse.FindAccountAsync(company.CompanyId!, Token))!.Name.ShouldBe("Newer name");
    }

    [Fact]
    public async Task Ping_and_the_HEAD_validation_request_answer_200_and_store_nothing()
    {
        await using var hub = await LiveHubAsync();
        using var intercom = new HttpClient { BaseAddress = hub.BaseAddress };

        (await intercom.SendAsync(new HttpRequestMessage(HttpMethod.Head, "webhooks/intercom"), Token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ping = Envelope("notif_ping", "ping", hub.Simulator.Workspace.AppId, new JsonObject { ["type"] = "ping", ["message"] = "hi" });
        (await PostAsync(intercom, ping, Sign(hub, ping))).ShouldBe(HttpStatusCode.OK);

        (await hub.Store.Inbox.CountInboxAsync(Token)).Received.ShouldBe(0);
    }

    /// <summary>An imported hub with Import users and companies on, subscribed to the simulator's webhooks.</summary>
    private static async Task<WebHub> LiveHubAsync()
    {
        var hub = await ImportedHub.StartAsync(Token);
        await new IntercomIntegrationSettings { ImportUsersAndCompanies = true, OnlyWithIds = true }.SaveAsync(hub.Store.SyncState, Token);
        hub.Simulator.ConfigureWebhooks(new Uri(hub.BaseAddress, "webhooks/intercom"));
        return hub;
    }

    /// <summary>A <c>company.updated</c> notification whose item is the company as the simulator's REST API returns it, renamed and re-dated.</summary>
    private static async Task<string> CompanyNotificationAsync(WebHub hub, string id, string name, DateTimeOffset updatedAt, string? companyId = null)
    {
        companyId ??= hub.Simulator.Workspace.Companies[0].Id;
        using var api = new HttpClient { BaseAddress = hub.Simulator.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hub.Simulator.Options.AccessToken);
        var item = JsonNode.Parse(await api.GetStringAsync($"companies/{companyId}", Token))!.AsObject();
        item["name"] = name;
        item["updated_at"] = updatedAt.ToUnixTimeSeconds();
        return Envelope(id, "company.updated", hub.Simulator.Workspace.AppId, item);
    }

    private static string Envelope(string id, string topic, string appId, JsonObject item) => new JsonObject
    {
        ["type"] = "notification_event",
        ["id"] = id,
        ["topic"] = topic,
        ["app_id"] = appId,
        ["created_at"] = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(),
        ["delivery_attempts"] = 1,
        ["data"] = new JsonObject { ["type"] = "notification_event_data", ["item"] = item },
    }.ToJsonString();

    private static string Sign(WebHub hub, string body) => IntercomWebhookSignature.Sign(Encoding.UTF8.GetBytes(body), hub.Simulator.Options.ClientSecret);

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/intercom") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
            request.Headers.TryAddWithoutValidation(IntercomWebhookSignature.HeaderName, signature);
        using var response = await client.SendAsync(request, Token);
        return response.StatusCode;
    }

    private static Task EventuallyAsync(Func<Task<bool>> condition) => WebHub.EventuallyAsync(condition, within: TimeSpan.FromSeconds(15));
}

