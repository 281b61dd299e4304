using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Rapport.Hub.Conversations;
using Rapport.Intercom.Webhooks;
using Rapport.IntercomSimulator;
using Rapport.Application.Settings;
using Rapport.Web.Tests.Accounts;

namespace Rapport.Web.Tests.Conversations;

/// <summary>
/// An imported hub connected to its simulator with a token and subscribed to its webhooks, so conversations reach it live
/// (Import users and companies on unless asked otherwise); <see cref="Contact"/> is a user of an imported company.
/// </summary>
internal sealed class LiveConversationHub(WebHub hub, SimulatedContact contact) : IAsyncDisposable
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public WebHub Hub { get; } = hub;

    public SimulatedContact Contact { get; } = contact;

    public SimulatorWorkspace Workspace => Hub.Simulator.Workspace;

    public static async Task<LiveConversationHub> StartAsync(bool importUsersAndCompanies = true)
    {
        var hub = await ImportedHub.StartAsync(Token);
        await new IntercomIntegrationSettings { ImportUsersAndCompanies = importUsersAndCompanies, OnlyWithIds = true }.SaveAsync(hub.Store.SyncState, Token);
        await hub.ConnectWithTokenAsync(await hub.TokenClientAsync(TeamRole.Admin));
        hub.Simulator.ConfigureWebhooks(new Uri(hub.BaseAddress, "webhooks/intercom"));
        var imported = ImportedHub.Imported(hub).Select(c => c.Id).ToHashSet();
        var contact = hub.Simulator.Workspace.Contacts.First(c => c.Role == "user" && c.ExternalId is not null && c.CompanyIds.Any(imported.Contains));
        return new LiveConversationHub(hub, contact);
    }

    /// <summary>The stored conversation once <paramref name="condition"/> holds for it.</summary>
    public async Task<ConversationView> StoredAsync(string id, Func<ConversationView, bool> condition)
    {
        ConversationView? view = null;
        await EventuallyAsync(async () => (view = await Hub.Store.Conversations.GetConversationAsync("intercom", id, Token)) is { } v && condition(v));
        return view!;
    }

    /// <summary>The conversation as the simulator's REST API returns it, with only its last part, as a webhook item carries it.</summary>
    public async Task<JsonObject> ItemAsync(string id)
    {
        using var api = new HttpClient { BaseAddress = Hub.Simulator.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Hub.Simulator.Options.AccessToken);
        var item = JsonNode.Parse(await api.GetStringAsync($"conversations/{id}?display_as=plaintext", Token))!.AsObject();
        var parts = item["conversation_parts"]!["conversation_parts"]!.AsArray();
        while (parts.Count > 1)
            parts.RemoveAt(0);
        return item;
    }

    /// <summary>Posts a notification signed with the app's secret, as Intercom delivers it.</summary>
    public async Task DeliverAsync(string id, string topic, JsonObject item)
    {
        var body = new JsonObject
        {
            ["type"] = "notification_event",
            ["id"] = id,
            ["topic"] = topic,
            ["app_id"] = Workspace.AppId,
            ["created_at"] = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(),
            ["delivery_attempts"] = 1,
            ["data"] = new JsonObject { ["type"] = "notification_event_data", ["item"] = item.DeepClone() },
        }.ToJsonString();
        using var intercom = new HttpClient { BaseAddress = Hub.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/intercom") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(
            IntercomWebhookSignature.HeaderName, IntercomWebhookSignature.Sign(Encoding.UTF8.GetBytes(body), Hub.Simulator.Options.ClientSecret));
        using var response = await intercom.SendAsync(request, Token);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    /// <summary>Makes the simulator lose its next <paramref name="count"/> webhooks.</summary>
    public void DropWebhooks(int count) => Hub.Simulator.DropWebhooks(count);

    /// <summary>Waits until every notification received so far has been applied.</summary>
    public Task InboxDrainedAsync(long atLeast) => EventuallyAsync(async () =>
        await Hub.Store.Inbox.CountInboxAsync(Token) is { } inbox && inbox.Received >= atLeast && inbox.Applied + inbox.Failed == inbox.Received);

    public static Task EventuallyAsync(Func<Task<bool>> condition) => WebHub.EventuallyAsync(condition, within: TimeSpan.FromSeconds(20));

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
