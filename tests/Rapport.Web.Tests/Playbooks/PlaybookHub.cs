using System.Globalization;
using Rapport.IntercomSimulator;
using Rapport.Web.Tests.Accounts;

namespace Rapport.Web.Tests.Playbooks;

/// <summary>
/// An imported hub with event import on and webhooks live, an Admin's API client, a Team Member mapped to an Intercom admin
/// with an inbox seat (the sender) and one without, and two users of imported companies whose events arrive as webhooks.
/// </summary>
internal sealed class PlaybookHub(WebHub hub, HttpClient api, long sender, long unseated, IReadOnlyList<SimulatedContact> users) : IAsyncDisposable
{
    public const string EventName = "export-failed";

    private int _second;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public WebHub Hub { get; } = hub;

    public HttpClient Api { get; } = api;

    public long Sender { get; } = sender;

    public long Unseated { get; } = unseated;

    public IReadOnlyList<SimulatedContact> Users { get; } = users;

    public long MessagesCreated => Hub.Simulator.Stats.MessagesCreated;

    public static async Task<PlaybookHub> StartAsync()
    {
        var hub = await ImportedHub.StartAsync(Token);
        var api = await hub.TokenClientAsync(TeamRole.Admin);
        await hub.EnableEventImportAsync(api);
        var admins = hub.Simulator.Workspace.Admins;
        var (seated, _) = await hub.AddMappedTeammateAsync(TeamRole.TeamMember, admins.First(a => a.HasInboxSeat).Email);
        var (noSeat, _) = await hub.AddMappedTeammateAsync(TeamRole.TeamMember, admins.First(a => !a.HasInboxSeat).Email);
        var imported = ImportedHub.Imported(hub).Select(c => c.Id).ToHashSet();
        var users = hub.Simulator.Workspace.Contacts.Where(c => c.Role == "user" && c.ExternalId is not null && c.CompanyIds.Any(imported.Contains)).Take(2).ToList();
        var playbooks = new PlaybookHub(hub, api, await IdOfAsync(hub, seated), await IdOfAsync(hub, noSeat), users);
        // The event name must be known before a playbook can name it; this first one is history, it fires nothing.
        await playbooks.TrackAsync(users[0]);
        return playbooks;
    }

    /// <summary>A playbook on <see cref="EventName"/> sending an in-app message as <see cref="Sender"/>, changed by <paramref name="change"/>.</summary>
    public Dictionary<string, object?> Playbook(Action<Dictionary<string, object?>>? change = null)
    {
        var playbook = new Dictionary<string, object?>
        {
            ["name"] = "Export failed: offer help",
            ["trigger"] = new { kind = "event", name = EventName },
            ["action"] = "in_app",
            ["body"] = "Hi {{user.first_name | default: \"there\"}}, {{teammate.first_name}} here: your export failed, want a hand?",
            ["senderTeammateId"] = Sender,
            ["enabled"] = true,
            ["capCount"] = 1,
            ["capDays"] = 7,
        };
        change?.Invoke(playbook);
        return playbook;
    }

    public async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await Api.SendAsync(request, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<long> CreateAsync(Dictionary<string, object?> playbook)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/api/v1/playbooks", playbook);
        status.ShouldBe(201, body.ToString());
        return body.GetProperty("id").GetInt64();
    }

    /// <summary>The user does <see cref="EventName"/> in Intercom; waits until the hub has stored it.</summary>
    public async Task TrackAsync(SimulatedContact user)
    {
        var before = (await Hub.Store.Events.FindEventNameAsync(EventName, Token))?.StoredCount ?? 0;
        // created_at has whole seconds and Intercom keeps one event per user, name and second: a later second each time.
        _second++;
        Hub.Simulator.Workspace.TrackEvent(user.Id, EventName, TimeProvider.System.GetUtcNow().AddSeconds(_second)).ShouldBeTrue();
        await WebHub.EventuallyAsync(async () => (await Hub.Store.Events.FindEventNameAsync(EventName, Token))?.StoredCount > before, "the event is stored");
    }

    public async Task<List<JsonElement>> AuditAsync(long id)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"/api/v1/playbooks/{id}/audit");
        status.ShouldBe(200, body.ToString());
        return [.. body.EnumerateArray()];
    }

    /// <summary>Waits until the audit satisfies <paramref name="condition"/>, and returns it.</summary>
    public async Task<List<JsonElement>> AuditWhenAsync(long id, Func<List<JsonElement>, bool> condition, string what)
    {
        List<JsonElement> audit = [];
        await WebHub.EventuallyAsync(async () => condition(audit = await AuditAsync(id)), what);
        return audit;
    }

    public async Task<long> UserIdAsync(SimulatedContact user) =>
        (await Hub.Store.Browse.FindUserAsync(user.ExternalId!, Token)).ShouldNotBeNull().Id.Value;

    /// <summary>Local time of day <paramref name="offset"/> from now, in UTC, as HH:mm.</summary>
    public static string UtcTime(TimeSpan offset) =>
        TimeProvider.System.GetUtcNow().Add(offset).ToString("HH:mm", CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => Hub.DisposeAsync();


    private static async Task<long> IdOfAsync(WebHub hub, string email) =>
        (await hub.Store.Team.FindTeammateByEmailAsync(email, Token)).ShouldNotBeNull().Teammate.Id;
}
