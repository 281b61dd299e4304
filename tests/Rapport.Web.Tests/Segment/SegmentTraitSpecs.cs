namespace Rapport.Web.Tests.Segment;

/// <summary>
/// What a group call's traits do to its account, read back through the REST API as a teammate would: they merge like
/// identify's, and a number Rapport cannot hold is refused at the door.
/// </summary>
public sealed class SegmentTraitSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string First = """{"userId":"u-100","groupId":"g-acme","traits":{"name":"Acme Ltd","plan":"enterprise","mrr":1200,"website":"https://acme.test"}}""";

    private static async Task<string> SendAsync(WebHub hub, string path, string json, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await WebHub.SendSegmentAsync(await hub.SegmentClientAsync(), path, json);
        var body = await response.Content.ReadAsStringAsync(Token);
        response.StatusCode.ShouldBe(expected, body);
        return body;
    }

    /// <summary>The account's Segment record as <c>GET /api/v1/accounts/{id}</c> shows it.</summary>
    private static async Task<JsonElement> SegmentRecordAsync(WebHub hub, HttpClient api, string groupId)
    {
        var id = (await hub.Store.Browse.FindAccountAsync(groupId, Token)).ShouldNotBeNull().Id.Value;
        var account = await api.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{id}", Token);
        return account.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "segment");
    }

    [Fact]
    public async Task A_second_group_call_keeps_the_traits_it_does_not_send_adds_its_own_and_a_null_clears_one()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var api = await hub.TokenClientAsync(TeamRole.TeamMember);
        await SendAsync(hub, "/v1/group", First);

        await SendAsync(hub, "/v1/group", """{"userId":"u-100","groupId":"g-acme","traits":{"industry":"Robotics","website":null}}""");
        await hub.SegmentAppliedAsync(2);

        var record = await SegmentRecordAsync(hub, api, "g-acme");
        record.GetProperty("name").GetString().ShouldBe("Acme Ltd", "the second call did not send a name");
        record.GetProperty("plan").GetString().ShouldBe("enterprise");
        record.GetProperty("monthlySpend").GetDecimal().ShouldBe(1200m);
        record.GetProperty("industry").GetString().ShouldBe("Robotics", "the second call's trait is added");
        record.GetProperty("website").ValueKind.ShouldBe(JsonValueKind.Null, "a trait sent as null is cleared");
        var traits = record.GetProperty("customAttributes");
        traits.GetProperty("mrr").GetDecimal().ShouldBe(1200m);
        traits.GetProperty("industry").GetString().ShouldBe("Robotics");
        (traits.TryGetProperty("website", out var website) ? website.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);
        (await hub.Store.Browse.FindAccountAsync("g-acme", Token))!.Name.ShouldBe("Acme Ltd");
    }

    [Fact]
    public async Task A_number_too_large_for_Rapport_is_refused_at_the_door_naming_the_field_and_the_model_still_saves()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var admin = await hub.TokenClientAsync(TeamRole.Admin);
        await SendAsync(hub, "/v1/group", First);

        var single = await SendAsync(hub, "/v1/group", """{"userId":"u-200","groupId":"g-huge","traits":{"name":"Huge","mrr":1e400}}""", HttpStatusCode.BadRequest);
        var batch = await SendAsync(hub, "/v1/batch", """
            {"batch":[
              {"type":"group","userId":"u-300","groupId":"g-big","traits":{"name":"Big","mrr":-2e308},"messageId":"m-big"},
              {"type":"track","userId":"u-100","event":"Seats Bought","properties":{"order":{"seats":1e999}},"messageId":"m-seats"},
              {"type":"identify","userId":"u-100","traits":{"title":"CTO"},"messageId":"m-fine"}]}
            """);
        await hub.SegmentAppliedAsync(2);

        single.ShouldContain("traits.mrr");
        var answer = JsonDocument.Parse(batch).RootElement;
        answer.GetProperty("accepted").GetInt32().ShouldBe(1);
        var rejected = answer.GetProperty("rejected").EnumerateArray().ToList();
        rejected.Select(r => r.GetProperty("messageId").GetString()).ShouldBe(["m-big", "m-seats"]);
        rejected[0].GetProperty("reason").GetString()!.ShouldContain("traits.mrr");
        rejected[1].GetProperty("reason").GetString()!.ShouldContain("properties.order.seats");
        (await hub.Store.Browse.FindAccountAsync("g-huge", Token)).ShouldBeNull("nothing of a refused call is stored");
        (await hub.Store.Browse.FindAccountAsync("g-big", Token)).ShouldBeNull();

        var saved = await admin.PutAsync(
            "/api/v1/model", new StringContent("""{"mrr":{"trait":"segment.mrr","currency":"USD"}}""", System.Text.Encoding.UTF8, "application/json"), Token);

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Token));
        var id = (await hub.Store.Browse.FindAccountAsync("g-acme", Token))!.Id.Value;
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{id}/model", Token)).GetProperty("mrr").GetDecimal().ShouldBe(1200m);
    }
}
