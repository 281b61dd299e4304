using Rapport.Hub.Users;

namespace Rapport.Web.Tests.Playbooks;

/// <summary>"Days since last seen": a user away that long is messaged once for that absence.</summary>
public sealed class PlaybookLastSeenSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_away_longer_than_the_playbooks_days_is_messaged_once_for_that_absence()
    {
        await using var hub = await PlaybookHub.StartAsync();
        var away = hub.Users[1];
        // Ten years and more: no other user of the seeded workspace has been away as long.
        var lastSeen = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().AddDays(-4000).ToUnixTimeSeconds());
        hub.Hub.Simulator.Workspace.UpdateContact(away.Id, c => c.LastSeenAt = lastSeen);
        await WebHub.EventuallyAsync(async () =>
            (await hub.Hub.Store.Browse.GetUserAsync(new UserId(await hub.UserIdAsync(away)), Token))!.Sources.Any(s => s.LastSeenAt == lastSeen), "the new last seen is stored");

        var playbook = hub.Playbook(p => p["trigger"] = new { kind = "last_seen", days = 3650 });
        var id = await hub.CreateAsync(playbook);
        var audit = await hub.AuditWhenAsync(id, a => a.Count == 1 && a[0].GetProperty("intercomId").ValueKind == JsonValueKind.String, "the away user is messaged");
        // Saved again, the playbook is looked at for absences in the engine's next pass rather than a minute later.
        (await hub.SendAsync(HttpMethod.Put, $"/api/v1/playbooks/{id}", playbook)).Status.ShouldBe(200);
        await hub.Hub.PlaybookPassAsync();
        await hub.Hub.OutboundPassAsync();

        audit[0].GetProperty("userId").GetInt64().ShouldBe(await hub.UserIdAsync(away));
        audit[0].GetProperty("occurrence").GetString().ShouldBe($"last-seen:{lastSeen.ToUnixTimeSeconds()}");
        (await hub.AuditAsync(id)).Count.ShouldBe(1, "the next pass finds no new absence");
        hub.MessagesCreated.ShouldBe(1);
        hub.Hub.Simulator.Workspace.Conversations.Where(c => c.ContactIds.Contains(away.Id) && c.Source.DeliveredAs == "admin_initiated").ShouldHaveSingleItem();
    }
}
