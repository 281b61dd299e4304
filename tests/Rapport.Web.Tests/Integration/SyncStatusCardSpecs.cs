using System.Text.RegularExpressions;
using Rapport.Hub.Webhooks;

namespace Rapport.Web.Tests.Integration;

/// <summary>Settings → Integrations → Intercom's sync status card, the home page's line and <c>GET …/status</c>.</summary>
public sealed partial class SyncStatusCardSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_card_shows_the_last_webhook_the_pending_and_failed_ones_and_the_lag()
    {
        await using var synced = await SyncedHub.StartAsync(Token);
        var hub = synced.Hub;
        var company = synced.ImportedCompany();
        synced.Workspace.UpdateCompany(company.Id, c => c.Name = "Renamed for the card");
        await EventuallyAsync(async () => (await hub.Store.Inbox.CountInboxAsync(Token)).Applied >= 1);
        // Three notifications a stalled worker on another node has claimed and holds, one of which then failed.
        var now = TimeProvider.System.GetUtcNow();
        await hub.Store.Inbox.AppendToInboxAsync(
            [.. Enumerable.Range(1, 3).Select(i => new InboxNotification($"notif_held_{i}", "company.updated", hub.Simulator.Workspace.AppId, "company", company.Id, now, now, "{}"))],
            Token);
        var held = await hub.Store.Inbox.ClaimInboxAsync(10, TimeSpan.FromHours(1), 5, Token);
        held.Count.ShouldBe(3, "the worker had applied everything else already");
        await hub.Store.Inbox.MarkInboxFailedAsync(held[2].Id, "the database was unreachable", TimeSpan.FromHours(1), Token);
        var admin = await hub.SignedInAsync();

        var page = await admin.GetStringAsync("/settings/integrations/intercom", Token);
        var fragment = await admin.GetStringAsync("/settings/integrations/intercom/sync-health", Token);
        var home = await admin.GetStringAsync("/", Token);
        var status = await synced.Api.GetFromJsonAsync<JsonElement>(WebHub.IntercomApi + "/status", Token);

        Text(page, "health-pending").ShouldBe("2");
        Text(page, "health-failed").ShouldBe("1");
        Text(page, "health-oldest-pending").ShouldStartWith("oldest pending waiting for ");
        Text(page, "health-last-apply-delay").ShouldMatch(@"^\d");
        int.Parse(Text(page, "health-applied-hour"), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
        Text(page, "health-last-received").ShouldContain(" UTC (");
        page.ShouldContain("""data-testid="reconcile-button">Reconcile now</button>""");
        fragment.ShouldContain("data-poll-while", Case.Sensitive, "the card keeps refreshing while notifications wait");
        Text(home, "home-sync-inbox").ShouldBe("2 webhooks pending · 1 failed");
        var webhooks = status.GetProperty("webhooks");
        (webhooks.GetProperty("pending").GetInt64(), webhooks.GetProperty("failed").GetInt64()).ShouldBe((2, 1));
        webhooks.GetProperty("oldestPendingAgeSeconds").GetDouble().ShouldBeGreaterThan(0);
        webhooks.GetProperty("lastApplyDelaySeconds").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        status.GetProperty("nextSweepAt").GetDateTimeOffset().ShouldBeGreaterThan(now);
        status.GetProperty("sweepIntervalSeconds").GetDouble().ShouldBe(15 * 60);
    }

    [Fact]
    public async Task Reconcile_now_on_the_page_runs_a_sweep_and_the_card_then_shows_it()
    {
        await using var synced = await SyncedHub.StartAsync(Token);
        var admin = await synced.Hub.SignedInAsync();

        var response = await WebHub.PostFormAsync(admin, "/settings/integrations/intercom?handler=Reconcile", new());
        var answer = await response.Content.ReadAsStringAsync(Token);
        await EventuallyAsync(async () => Text(await admin.GetStringAsync("/settings/integrations/intercom/sync-health", Token), "health-last-sweep") != "none yet");
        var card = await admin.GetStringAsync("/settings/integrations/intercom/sync-health", Token);

        answer.ShouldContain("The reconciliation sweep started");
        Text(card, "health-last-sweep").ShouldContain($"({WebHub.AdminEmail})");
        Text(card, "health-missed-total").ShouldBe("0");
        Text(card, "health-total-count").ShouldBe("0");
        Text(card, "health-next-sweep").ShouldContain("every 15 min 0 s");
    }

    /// <summary>The text of the element with <paramref name="testId"/>, tags removed and spaces collapsed.</summary>
    private static string Text(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>(.*?)</(span|dd|div|strong)>", RegexOptions.Singleline);
        match.Success.ShouldBeTrue($"the page has {testId}");
        return System.Net.WebUtility.HtmlDecode(Spaces().Replace(Tags().Replace(match.Groups[1].Value, ""), " ").Trim());
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static Task EventuallyAsync(Func<Task<bool>> condition) => WebHub.EventuallyAsync(condition, within: TimeSpan.FromSeconds(60));
}
