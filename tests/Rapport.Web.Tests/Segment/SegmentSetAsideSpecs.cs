using Microsoft.Data.Sqlite;

namespace Rapport.Web.Tests.Segment;

/// <summary>
/// A Segment call that cannot be applied is set aside and the inbox goes on. To make one fail at apply time the way a
/// value the store refuses does, the specs add to the hub's database what an operator could: a trigger refusing one
/// plan on source records. Rapport's code knows nothing of it; the call is accepted (200) and fails when applied.
/// </summary>
public sealed class SegmentSetAsideSpecs
{
    private const string RefusedPlan = "legacy-2019";
    private const string Batch =
        $$"""
        {"batch":[
          {"type":"identify","userId":"u-200","traits":{"email":"bea@ok.test"},"messageId":"m-identify"},
          {"type":"group","userId":"u-100","groupId":"g-old","traits":{"name":"Old Co","plan":"{{RefusedPlan}}"},"messageId":"m-bad"},
          {"type":"group","userId":"u-200","groupId":"g-ok","traits":{"name":"Ok Co","plan":"pro"},"messageId":"m-group"},
          {"type":"track","userId":"u-200","event":"Report Exported","context":{"groupId":"g-ok"},"messageId":"m-track"}
        ]}
        """;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<WebHub> StartAsync() =>
        WebHub.StartAsync(null, options => options with { SegmentFirstRetry = TimeSpan.FromMilliseconds(20) }, Token);

    private static async Task RefusePlanAsync(WebHub hub, bool refuse)
    {
        await using var connection = new SqliteConnection($"Data Source={hub.DatabasePath};Pooling=False");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = refuse
            ? $"CREATE TRIGGER refuse_plan BEFORE INSERT ON source_companies WHEN NEW.plan = '{RefusedPlan}' BEGIN SELECT RAISE(ABORT, 'plan {RefusedPlan} is refused'); END"
            : "DROP TRIGGER refuse_plan";
        await command.ExecuteNonQueryAsync(Token);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Makes the hub refuse the old plan, sends it <see cref="Batch"/>, waits for its bad call to be set aside, and returns an Admin's API client.</summary>
    private static async Task<HttpClient> SetAsideOneAsync(WebHub hub)
    {
        await RefusePlanAsync(hub, refuse: true);
        var segment = await hub.SegmentClientAsync();
        var admin = await hub.TokenClientAsync(TeamRole.Admin);
        (await WebHub.SendSegmentAsync(segment, "/v1/batch", Batch)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SetAsideAsync(hub, 1);
        return admin;
    }

    private static async Task SetAsideAsync(WebHub hub, long count) =>
        await WebHub.EventuallyAsync(async () => await hub.Store.Segment.CountSegmentInboxAsync(Token) is { Pending: 0 } c && c.SetAside == count,
            $"{count} Segment call(s) set aside and none pending");

    [Fact]
    public async Task A_call_that_keeps_failing_is_set_aside_with_its_error_the_others_are_applied_and_a_retry_applies_it_once_fixed()
    {
        await using var hub = await StartAsync();
        var admin = await SetAsideOneAsync(hub);

        (await hub.Store.Browse.FindAccountAsync("g-ok", Token)).ShouldNotBeNull().UserExternalIds.ShouldBe(["u-200"]);
        var user = (await hub.Store.Browse.FindUserAsync("u-200", Token)).ShouldNotBeNull();
        (await hub.Store.Events.ListUserEventsAsync(user.Id, 10, Token)).ShouldHaveSingleItem().Name.ShouldBe("Report Exported");
        (await hub.Store.Browse.FindAccountAsync("g-old", Token)).ShouldBeNull();
        var listed = (await GetJsonAsync(admin, "/api/v1/integrations/segment/set-aside")).EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("messageId").GetString().ShouldBe("m-bad");
        listed.GetProperty("type").GetString().ShouldBe("group");
        listed.GetProperty("attempts").GetInt32().ShouldBe(5);
        listed.GetProperty("error").GetString().ShouldNotBeNull().ShouldContain($"plan {RefusedPlan} is refused");
        listed.GetProperty("call").GetProperty("groupId").GetString().ShouldBe("g-old");
        var status = await GetJsonAsync(admin, "/api/v1/integrations/segment");
        (status.GetProperty("applied").GetInt64(), status.GetProperty("pending").GetInt64(), status.GetProperty("setAside").GetInt64()).ShouldBe((3L, 0L, 1L));
        var page = await (await hub.SignedInAsync()).GetStringAsync("/settings/integrations/segment", Token);
        page.ShouldContain("m-bad");
        page.ShouldContain("1 set aside (failed)");

        await RefusePlanAsync(hub, refuse: false);
        var retry = await admin.PostAsync($"/api/v1/integrations/segment/set-aside/{listed.GetProperty("id").GetInt64()}/retry", null, Token);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        await hub.SegmentAppliedAsync(4);

        (await hub.Store.Browse.FindAccountAsync("g-old", Token)).ShouldNotBeNull().Name.ShouldBe("Old Co");
        (await GetJsonAsync(admin, "/api/v1/integrations/segment/set-aside")).GetArrayLength().ShouldBe(0);
        (await hub.Store.Segment.CountSegmentInboxAsync(Token)).SetAside.ShouldBe(0);
    }

    [Fact]
    public async Task A_discarded_call_is_never_applied_and_is_counted_as_discarded()
    {
        await using var hub = await StartAsync();
        var admin = await SetAsideOneAsync(hub);
        var id = (await GetJsonAsync(admin, "/api/v1/integrations/segment/set-aside"))[0].GetProperty("id").GetInt64();

        var discarded = await admin.PostAsync($"/api/v1/integrations/segment/set-aside/{id}/discard", null, Token);
        await RefusePlanAsync(hub, refuse: false);
        var retried = await admin.PostAsJsonAsync("/api/v1/integrations/segment/set-aside/retry", new { }, Token);

        discarded.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await retried.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("retried").GetInt32().ShouldBe(0);
        (await admin.PostAsync($"/api/v1/integrations/segment/set-aside/{id}/retry", null, Token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var counts = await hub.Store.Segment.CountSegmentInboxAsync(Token);
        (counts.Applied, counts.Pending, counts.SetAside, counts.Discarded).ShouldBe((3L, 0L, 0L, 1L));
        (await hub.Store.Browse.FindAccountAsync("g-old", Token)).ShouldBeNull();
    }
}
