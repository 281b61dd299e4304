namespace Rapport.Web.Tests.Segment;

/// <summary>
/// Rapport as a Segment HTTP Tracking API endpoint. Request bodies follow Segment's public spec: identify (userId,
/// traits), group (userId, groupId, traits), track (userId, event, properties, context, timestamp, messageId), page
/// (userId, name, properties), batch ({"batch": [...], "context": {...}}); Basic auth with the write key as user name.
/// </summary>
public sealed class SegmentIngestSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string Identify = """{"userId":"u-100","anonymousId":"anon-1","traits":{"email":"ada@acme.test","name":"Ada Lovelace","plan":"pro"},"timestamp":"2026-11-20T10:00:00Z","messageId":"m-identify"}""";
    private const string Group = """{"userId":"u-100","groupId":"g-acme","traits":{"name":"Acme Ltd","plan":"enterprise","mrr":1200,"website":"https://acme.test","employees":120},"timestamp":"2026-11-20T10:00:01Z","messageId":"m-group"}""";
    private const string Track = """{"userId":"u-100","event":"Report Exported","properties":{"format":"csv"},"context":{"groupId":"g-acme","ip":"203.0.113.9"},"timestamp":"2026-11-20T10:00:02Z","messageId":"m-track"}""";
    private const string Page = """{"userId":"u-100","name":"Pricing","properties":{"url":"https://acme.test/pricing","path":"/pricing"},"timestamp":"2026-11-20T10:00:03Z","messageId":"m-page"}""";

    private static async Task<string> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return body;
    }

    [Fact]
    public async Task Each_call_type_answers_success_and_lands_as_account_user_membership_and_events()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var segment = await hub.SegmentClientAsync();

        foreach (var (path, json) in new[] { ("/v1/identify", Identify), ("/v1/group", Group), ("/v1/track", Track), ("/v1/page", Page) })
            JsonDocument.Parse(await OkAsync(await WebHub.SendSegmentAsync(segment, path, json))).RootElement.GetProperty("success").GetBoolean().ShouldBeTrue();
        await hub.SegmentAppliedAsync(4);

        var account = (await hub.Store.Browse.FindAccountAsync("g-acme", Token)).ShouldNotBeNull();
        account.Name.ShouldBe("Acme Ltd");
        account.Sources.ShouldHaveSingleItem().Source.ShouldBe("segment");
        account.Sources[0].MonthlySpend.ShouldBe(1200m);
        account.UserExternalIds.ShouldBe(["u-100"]);
        var user = (await hub.Store.Browse.FindUserAsync("u-100", Token)).ShouldNotBeNull();
        user.Email.ShouldBe("ada@acme.test");
        var events = await hub.Store.Events.ListUserEventsAsync(user.Id, 10, Token);
        events.Select(e => (e.Source, e.Name)).Order().ShouldBe([("segment", "Page Viewed"), ("segment", "Report Exported")]);
        events.Single(e => e.Name == "Page Viewed").MetadataJson.ShouldContain("\"name\":\"Pricing\"");
    }

    [Fact]
    public async Task A_batch_of_mixed_calls_is_stored_and_applied_in_order()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var segment = await hub.SegmentClientAsync();
        var batch = "{\"batch\":[" + string.Join(',', Typed("identify", Identify), Typed("group", Group), Typed("track", Track), Typed("page", Page))
            + "],\"context\":{\"library\":{\"name\":\"analytics-node\",\"version\":\"2.1.0\"}}}";

        var body = await OkAsync(await WebHub.SendSegmentAsync(segment, "/v1/batch", batch));
        await hub.SegmentAppliedAsync(4);

        JsonDocument.Parse(body).RootElement.GetProperty("success").GetBoolean().ShouldBeTrue();
        var user = (await hub.Store.Browse.FindUserAsync("u-100", Token)).ShouldNotBeNull();
        (await hub.Store.Events.ListUserEventsAsync(user.Id, 10, Token)).Count.ShouldBe(2, "the track and the page call, after the identify and group before them");
    }

    [Fact]
    public async Task A_gzipped_batch_is_read_like_a_plain_one()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var segment = await hub.SegmentClientAsync();

        await OkAsync(await WebHub.SendSegmentAsync(segment, "/v1/batch", $$"""{"batch":[{{Typed("group", Group)}}]}""", gzip: true));
        await hub.SegmentAppliedAsync(1);

        (await hub.Store.Browse.FindAccountAsync("g-acme", Token)).ShouldNotBeNull().Name.ShouldBe("Acme Ltd");
    }

    [Fact]
    public async Task A_wrong_write_key_is_refused_with_401_and_nothing_is_stored()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var wrong = await hub.SegmentClientAsync("not-the-key");

        var response = await WebHub.SendSegmentAsync(wrong, "/v1/track", Track);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync(Token)).ShouldContain("write key");
        (await hub.Store.Segment.CountSegmentInboxAsync(Token)).Received.ShouldBe(0);
    }

    [Fact]
    public async Task A_message_over_32_KB_is_refused_with_400_naming_the_limit()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var segment = await hub.SegmentClientAsync();
        var big = """{"userId":"u-100","event":"Big","properties":{"blob":"BLOB"}}""".Replace("BLOB", new string('x', 33 * 1024), StringComparison.Ordinal);

        var response = await WebHub.SendSegmentAsync(segment, "/v1/track", big);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Token)).ShouldContain("32 KB");
        (await hub.Store.Segment.CountSegmentInboxAsync(Token)).Received.ShouldBe(0);
    }

    [Fact]
    public async Task A_batch_over_500_KB_is_refused_with_400_naming_the_limit()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var segment = await hub.SegmentClientAsync();
        var message = """{"type":"track","userId":"u-100","event":"Big","properties":{"blob":"BLOB"}}""".Replace("BLOB", new string('x', 20 * 1024), StringComparison.Ordinal);

        var response = await WebHub.SendSegmentAsync(segment, "/v1/batch", $$"""{"batch":[{{string.Join(',', Enumerable.Repeat(message, 30))}}]}""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Token)).ShouldContain("500 KB");
    }

    [Fact]
    public async Task Malformed_JSON_is_refused_with_400()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var segment = await hub.SegmentClientAsync();

        var response = await WebHub.SendSegmentAsync(segment, "/v1/track", """{"userId":"u-100","event":""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Token)).ShouldContain("not valid JSON");
    }

    [Fact]
    public async Task A_batch_with_one_invalid_message_stores_the_rest_and_reports_the_bad_one()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var segment = await hub.SegmentClientAsync();
        const string noId = """{"type":"track","event":"Orphan","messageId":"m-bad"}""";

        var body = await OkAsync(await WebHub.SendSegmentAsync(segment, "/v1/batch", $$"""{"batch":[{{Typed("identify", Identify)}},{{noId}},{{Typed("group", Group)}}]}"""));
        await hub.SegmentAppliedAsync(2);

        var answer = JsonDocument.Parse(body).RootElement;
        answer.GetProperty("accepted").GetInt32().ShouldBe(2);
        var rejected = answer.GetProperty("rejected").EnumerateArray().ShouldHaveSingleItem();
        rejected.GetProperty("index").GetInt32().ShouldBe(1);
        rejected.GetProperty("messageId").GetString().ShouldBe("m-bad");
        rejected.GetProperty("reason").GetString().ShouldBe("userId or anonymousId is required");
        (await hub.Store.Browse.FindAccountAsync("g-acme", Token)).ShouldNotBeNull();
        (await hub.Store.Segment.CountSegmentInboxAsync(Token)).Received.ShouldBe(2);
    }

    [Fact]
    public async Task A_trait_too_large_for_a_money_field_already_in_the_inbox_is_left_out_and_the_calls_after_it_are_applied()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var segment = await hub.SegmentClientAsync();
        // The door refuses such a number now (SegmentTraitSpecs); a call stored before it did is still applied without it.
        await hub.Store.Segment.AppendSegmentMessagesAsync(
            [new("m-huge", "group", """{"type":"group","userId":"u-100","groupId":"g-huge","traits":{"name":"Huge","mrr":1e400},"messageId":"m-huge"}""")], Token);
        await OkAsync(await WebHub.SendSegmentAsync(segment, "/v1/group", Group));
        await hub.SegmentAppliedAsync(2);

        (await hub.Store.Browse.FindAccountAsync("g-huge", Token)).ShouldNotBeNull().Sources.ShouldHaveSingleItem().MonthlySpend.ShouldBeNull();
        (await hub.Store.Browse.FindAccountAsync("g-acme", Token)).ShouldNotBeNull();
    }

    [Fact]
    public async Task An_anonymous_track_waits_aside_and_joins_the_user_when_an_identify_links_its_anonymous_id()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var segment = await hub.SegmentClientAsync();
        await OkAsync(await WebHub.SendSegmentAsync(segment, "/v1/group", Group));
        await OkAsync(await WebHub.SendSegmentAsync(segment, "/v1/track", """{"anonymousId":"anon-1","event":"Signed Up","timestamp":"2026-11-20T09:59:00Z","messageId":"m-anon"}"""));
        await OkAsync(await WebHub.SendSegmentAsync(segment, "/v1/identify", """{"anonymousId":"anon-1","traits":{"title":"CTO"},"messageId":"m-anon-traits"}"""));
        await hub.SegmentAppliedAsync(3);
        (await hub.Store.Segment.CountSegmentInboxAsync(Token)).KeptAside.ShouldBe(2);

        await OkAsync(await WebHub.SendSegmentAsync(segment, "/v1/identify", Identify));
        await hub.SegmentAppliedAsync(4);

        (await hub.Store.Segment.CountSegmentInboxAsync(Token)).KeptAside.ShouldBe(0);
        var user = (await hub.Store.Browse.FindUserAsync("u-100", Token)).ShouldNotBeNull();
        (await hub.Store.Events.ListUserEventsAsync(user.Id, 10, Token)).ShouldHaveSingleItem().Name.ShouldBe("Signed Up");
        (await hub.Store.Sources.FindSourceContactAsync("segment", "u-100", Token)).ShouldNotBeNull().CustomAttributesJson.ShouldContain("\"title\":\"CTO\"", customMessage: "the anonymous identify's traits join the user's");
    }

    [Fact]
    public async Task Rotating_the_write_key_refuses_the_old_one()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var old = await hub.SegmentClientAsync();
        var admin = await hub.TokenClientAsync(Hub.Team.TeamRole.Admin);

        var rotated = await admin.PostAsync("/api/v1/integrations/segment/rotate", null, Token);
        var key = JsonDocument.Parse(await OkAsync(rotated)).RootElement.GetProperty("writeKey").GetString()!;

        (await WebHub.SendSegmentAsync(old, "/v1/group", Group)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await OkAsync(await WebHub.SendSegmentAsync(await hub.SegmentClientAsync(key), "/v1/group", Group));
    }

    /// <summary>A single call's body as a batch item: the same fields plus its type.</summary>
    private static string Typed(string type, string json) => $$"""{"type":"{{type}}",{{json[1..]}}""";
}
