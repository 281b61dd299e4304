using System.Text.RegularExpressions;
using Rapport.Hub.Accounts;

namespace Rapport.Web.Tests.Accounts;

public sealed partial class AccountPagesSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_accounts_page_pages_through_every_imported_account_with_next_links()
    {
        // Arrange
        await using var hub = await ImportedHub.StartAsync(Token);
        var browser = await hub.SignedInAsync();
        var expected = ImportedHub.Imported(hub);

        // Act
        var names = new List<string>();
        string? url = "/accounts?limit=10";
        var pages = 0;
        while (url is not null)
        {
            var html = await browser.GetStringAsync(url, Token);
            names.AddRange(AccountRow().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
            url = NextLink().Match(html) is { Success: true } next ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
            pages++;
        }

        // Assert
        names.ShouldBe(expected.Select(c => c.Name!), ignoreOrder: true);
        pages.ShouldBe((expected.Count + 9) / 10);
    }

    [Fact]
    public async Task The_accounts_page_searches_and_filters_by_tag_with_the_facets_in_its_selects()
    {
        // Arrange
        await using var hub = await ImportedHub.StartAsync(Token);
        var browser = await hub.SignedInAsync();
        var company = ImportedHub.Imported(hub).First(c => c.TagIds.Count > 0);
        var tag = ImportedHub.TagNames(hub, company.TagIds)[0];

        // Act
        var searched = await browser.GetStringAsync("/accounts?q=" + Uri.EscapeDataString(company.CompanyId!.ToUpperInvariant()), Token);
        var tagged = await browser.GetStringAsync("/accounts?limit=200&tag=" + Uri.EscapeDataString(tag), Token);

        // Assert
        AccountRow().Matches(searched).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ShouldBe([company.Name!]);
        searched.ShouldContain("data-testid=\"filter-tag\"");
        searched.ShouldContain($"<option value=\"{WebUtility.HtmlEncode(tag)}\"");
        var expected = ImportedHub.Imported(hub).Where(c => ImportedHub.TagNames(hub, c.TagIds).Contains(tag)).Select(c => c.Name!);
        AccountRow().Matches(tagged).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ShouldBe(expected, ignoreOrder: true);
        tagged.ShouldContain($"{expected.Count()} matching");
    }

    [Fact]
    public async Task An_account_page_shows_custom_attributes_tags_segments_raw_json_and_links_to_its_users()
    {
        // Arrange
        await using var hub = await ImportedHub.StartAsync(Token);
        var browser = await hub.SignedInAsync();
        var company = ImportedHub.Imported(hub).First(c => c.ContactIds.Count > 0 && c.SegmentIds.Count > 0 && c.TagIds.Count > 0);
        var list = await browser.GetStringAsync("/accounts?q=" + company.CompanyId, Token);
        var link = AccountLink().Match(list).Groups[1].Value;

        // Act
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync(link, Token));

        // Assert
        html.ShouldContain($"data-testid=\"account-external-id\">{company.CompanyId}<");
        html.ShouldContain($"data-name=\"churn_risk\"><th scope=\"row\" class=\"mono\">churn_risk</th><td data-testid=\"custom-attribute-value\">{company.CustomAttributes["churn_risk"]}</td>");
        foreach (var tag in ImportedHub.TagNames(hub, company.TagIds))
            html.ShouldContain($"data-testid=\"tag\">{tag}</span>");
        foreach (var segment in ImportedHub.SegmentNames(hub, company.SegmentIds))
            html.ShouldContain($"data-testid=\"segment\">{segment}</span>");
        html.ShouldContain("<details class=\"raw\" data-testid=\"raw-json\">");
        html.ShouldContain($"\"id\": \"{company.Id}\"");
        var userLink = UserLink().Match(html);
        userLink.Success.ShouldBeTrue("the account lists its users with links");
        var user = await browser.GetStringAsync(userLink.Groups[1].Value, Token);
        user.ShouldContain("data-testid=\"user-external-id\"");
        user.ShouldContain($"href=\"{link}\" data-testid=\"account-link\"");
    }

    [Fact]
    public async Task The_users_page_lists_users_and_narrows_to_one_account()
    {
        // Arrange
        await using var hub = await ImportedHub.StartAsync(Token);
        var browser = await hub.SignedInAsync();
        var company = ImportedHub.Imported(hub).First(c => c.ContactIds.Count > 1);
        var accountLink = AccountLink().Match(await browser.GetStringAsync("/accounts?q=" + company.CompanyId, Token)).Groups[1].Value;
        var expected = hub.Simulator.Workspace.Contacts.Where(c => c.Role == "user" && c.ExternalId is not null && company.ContactIds.Contains(c.Id));

        // Act
        var html = await browser.GetStringAsync("/users?account=" + accountLink.Split('/')[^1], Token);

        // Assert
        html.ShouldContain("data-testid=\"users-account\"");
        UserRowName().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ShouldBe(expected.Select(c => c.Name ?? "(no name)"), ignoreOrder: true);
    }

    [Fact]
    public async Task A_bad_query_on_the_page_says_which_parameter_and_an_unknown_account_is_404()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var browser = await hub.SignedInAsync();

        var html = await browser.GetStringAsync("/accounts?cursor=tampered", Token);
        var missing = await browser.GetAsync("/accounts/424242", Token);
        var anonymous = await hub.Client().GetAsync("/accounts", Token);

        html.ShouldContain("data-testid=\"list-problem\">cursor: ");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("signin", Case.Insensitive);
    }

    [GeneratedRegex("data-testid=\"account-row\"[^>]*>\\s*<td><a href=\"[^\"]+\" data-testid=\"account-link\">([^<]*)</a>")]
    private static partial Regex AccountRow();

    [GeneratedRegex("<a href=\"(/accounts/\\d+)\" data-testid=\"account-link\">")]
    private static partial Regex AccountLink();

    [GeneratedRegex("<a href=\"(/users/\\d+)\" data-testid=\"user-link\">")]
    private static partial Regex UserLink();

    [GeneratedRegex("data-testid=\"user-row\"[^>]*>\\s*<td><a href=\"[^\"]+\" data-testid=\"user-link\">([^<]*)</a>")]
    private static partial Regex UserRowName();

    [GeneratedRegex("href=\"([^\"]+)\" data-testid=\"next-page\"")]
    private static partial Regex NextLink();
}
