using Microsoft.Extensions.Time.Testing;

namespace Rapport.Web.Tests.Retention;

/// <summary>
/// A running hub keeps applied webhook notifications and Segment calls for the retention (7 days by
/// default) and then deletes them; what failed or was set aside stays until someone handles it.
/// </summary>
public sealed class InboxRetentionSpecs
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(HubDatabase.Providers), MemberType = typeof(HubDatabase))]
    public async Task The_server_deletes_applied_inbox_rows_a_week_old_and_keeps_failed_and_set_aside_ones(string provider)
    {
        await using var database = await HubDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var hub = await WebHub.StartAsync(null, o => o with { Database = database.Database, TimeProvider = time }, Cancel);
        var day0 = database.Time(time.GetUtcNow());
        await database.ExecuteAsync(
            """
            INSERT INTO webhook_inbox (notification_id, topic, app_id, created_at, body, received_at, attempts, applied_at, outcome, error)
            VALUES ('applied', 'contact.user.updated', 'app', @day0, '{}', @day0, 1, @day0, 'applied', NULL),
                   ('failed', 'contact.user.updated', 'app', @day0, '{}', @day0, 1000, NULL, 'failed', 'the database refused it')
            """, new { day0 });
        await database.ExecuteAsync(
            """
            INSERT INTO segment_inbox (message_id, type, body, received_at, applied_at, outcome, attempts, last_error, failed_at, set_aside_at)
            VALUES ('applied', 'track', '{}', @day0, @day0, 'applied', 0, NULL, NULL, NULL),
                   ('set-aside', 'track', '{}', @day0, NULL, NULL, 5, 'the database refused it', @day0, @day0)
            """, new { day0 });

        time.Advance(TimeSpan.FromDays(6));
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
        (await WebhookIdsAsync(database)).ShouldBe(["applied", "failed"], "six days on, nothing is due");

        time.Advance(TimeSpan.FromDays(2));
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        // The two inboxes are pruned one after the other, each in its own transaction: wait for both.
        while (((await WebhookIdsAsync(database)).Count > 1 || (await SegmentIdsAsync(database)).Count > 1) && DateTimeOffset.UtcNow < deadline)
        {
            // The pass runs on the server's clock; a little more of it lets a timer set up after the jump fire too.
            time.Advance(TimeSpan.FromMinutes(30));
            await Task.Delay(200, Cancel);
        }

        (await WebhookIdsAsync(database)).ShouldBe(["failed"]);
        (await SegmentIdsAsync(database)).ShouldBe(["set-aside"]);
    }

    private static Task<List<string>> SegmentIdsAsync(HubDatabase database) =>
        database.QueryAsync<string>("SELECT message_id FROM segment_inbox ORDER BY message_id");

    private static Task<List<string>> WebhookIdsAsync(HubDatabase database) =>
        database.QueryAsync<string>("SELECT notification_id FROM webhook_inbox ORDER BY notification_id");
}
