namespace Rapport.Web.Tests.Playbooks;

/// <summary>What a playbook refuses at save, naming the problem, and its dry runs, which send nothing.</summary>
public sealed class PlaybookInputSpecs
{
    [Fact]
    public async Task Bad_playbooks_are_refused_naming_the_problem_and_nothing_is_saved()
    {
        await using var hub = await PlaybookHub.StartAsync();
        var cases = new (string Field, string Expected, Action<Dictionary<string, object?>> Change)[]
        {
            ("body", "Unknown placeholder {{user.frist_name}}", p => p["body"] = "Hi {{user.frist_name}}"),
            ("body", "The message template is empty", p => p["body"] = "  "),
            ("trigger.name", "Unknown event 'no-such-event'", p => p["trigger"] = new { kind = "event", name = "no-such-event" }),
            ("trigger.name", "Unknown segment 'At risk'", p => p["trigger"] = new { kind = "segment_entered", name = "At risk" }),
            ("sender", "has no inbox seat", p => p["senderTeammateId"] = hub.Unseated),
            ("quietStart", "'25:99' is not a time of day", p => p["quietStart"] = "25:99"),
        };

        foreach (var (field, expected, change) in cases)
        {
            var (status, body) = await hub.SendAsync(HttpMethod.Post, "/api/v1/playbooks", hub.Playbook(change));
            status.ShouldBe(400, body.ToString());
            body.GetProperty("title").GetString().ShouldBe($"Bad field: {field}");
            body.GetProperty("detail").GetString()!.ShouldContain(expected);
        }

        var (_, list) = await hub.SendAsync(HttpMethod.Get, "/api/v1/playbooks");
        list.GetArrayLength().ShouldBe(0);
        var document = await hub.Api.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        foreach (var path in new[] { "/api/v1/playbooks", "/api/v1/playbooks/{id}", "/api/v1/playbooks/{id}/dry-run", "/api/v1/playbooks/{id}/audit" })
            document.ShouldContain($"\"{path}\"");
    }

    [Fact]
    public async Task A_dry_run_lists_whom_it_would_message_with_the_preview_and_sends_nothing()
    {
        await using var hub = await PlaybookHub.StartAsync();
        var id = await hub.CreateAsync(hub.Playbook(p => p["dryRun"] = true));

        var (status, recipients) = await hub.SendAsync(HttpMethod.Post, $"/api/v1/playbooks/{id}/dry-run");
        await hub.TrackAsync(hub.Users[1]);
        var audit = await hub.AuditWhenAsync(id, a => a.Count == 1 && a[0].GetProperty("status").GetString() == "dry_run", "the dry-run playbook records its match");
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        status.ShouldBe(200, recipients.ToString());
        var listed = recipients.EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("userId").GetInt64().ShouldBe(await hub.UserIdAsync(hub.Users[0]));
        listed.GetProperty("body").GetString()!.ShouldContain("your export failed");
        listed.GetProperty("body").GetString()!.ShouldNotContain("{{");
        audit[0].GetProperty("reason").GetString()!.ShouldContain("Would send to");
        hub.MessagesCreated.ShouldBe(0);
        hub.Hub.Simulator.Stats.MessagesCreated.ShouldBe(0);
    }
}
