namespace Rapport.Web.Tests.Segment;

/// <summary>
/// What a group call's traits do to its account, read back through the REST API as a teammate would: they merge like
/// identify's (issue 15).
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
        var id = (await hub.Store.FindAccountAsync(groupId, Token)).ShouldNotBeNull().Id.Value;
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
        (await hub.Store.FindAccountAsync("g-acme", Token))!.Name.ShouldBe("Acme Ltd");
    }
}
