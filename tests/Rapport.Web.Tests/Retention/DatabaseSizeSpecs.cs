using System.Text.RegularExpressions;

namespace Rapport.Web.Tests.Retention;

/// <summary>An operator sees how big the hub's database is, and how long the inboxes keep what they applied.</summary>
public sealed partial class DatabaseSizeSpecs
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(HubDatabase.Providers), MemberType = typeof(HubDatabase))]
    public async Task The_settings_page_shows_the_database_size_and_the_inbox_retention(string provider)
    {
        await using var database = await HubDatabase.CreateAsync(provider);
        await using var hub = await WebHub.StartAsync(null, o => o with { Database = database.Database }, Cancel);
        var admin = await hub.SignedInAsync();

        var page = await admin.GetStringAsync("/settings", Cancel);

        var card = DatabaseCard().Match(page);
        card.Success.ShouldBeTrue(page);
        var text = WebUtility.HtmlDecode(Regex.Replace(card.Groups[1].Value, "<[^>]+>", " "));
        text.ShouldMatch(@"\d+(\.\d+)? (KB|MB|GB)");
        if (provider == HubDatabase.Sqlite)
        {
            text.ShouldContain("hub.db");
            text.ShouldContain("write-ahead log");
            text.ShouldContain("64 MB");
        }
        else
        {
            text.ShouldContain("schema");
            text.ShouldContain("whole database");
        }
        text.ShouldContain("7 days");
    }

    [GeneratedRegex("data-testid=\"database-card\"(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex DatabaseCard();
}
