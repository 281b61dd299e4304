namespace Rapport.Web.Tests.Accounts;

public sealed class AccountsApiSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<List<JsonElement>> FollowAsync(HttpClient api, string url)
    {
        var items = new List<JsonElement>();
        string? next = url;
        while (next is not null)
        {
            var page = await api.GetFromJsonAsync<JsonElement>(next, Token);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }

        return items;
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task Paging_through_the_accounts_gives_every_imported_company_once_with_its_fields_and_tags()
    {
        // Arrange
        await using var hub = await ImportedHub.StartAsync(Token);
        var api = await hub.TokenClientAsync(TeamRole.TeamMember);
        var expected = ImportedHub.Imported(hub).ToDictionary(c => c.CompanyId!);

        // Act
        var items = await FollowAsync(api, "/api/v1/accounts?limit=7&sort=monthly_spend");

        // Assert
        items.Select(i => i.GetProperty("externalId").GetString()!).ShouldBe(expected.Keys, ignoreOrder: true);
        items.Count.ShouldBe(expected.Count, "no account twice");
        foreach (var item in items)
        {
            var company = expected[item.GetProperty("externalId").GetString()!];
            item.GetProperty("name").GetString().ShouldBe(company.Name);
            item.GetProperty("plan").GetString().ShouldBe(company.Plan);
            item.GetProperty("monthlySpend").GetDecimal().ShouldBe(company.MonthlySpend ?? 0);
            Strings(item.GetProperty("tags")).ShouldBe(ImportedHub.TagNames(hub, company.TagIds));
        }

        var spends = items.Select(i => i.GetProperty("monthlySpend").GetDecimal()).ToList();
        spends.ShouldBe(spends.OrderDescending().ToList(), "monthly spend sorts from the highest");
    }

    [Fact]
    public async Task Filters_agree_with_the_simulators_workspace()
    {
        // Arrange
        await using var hub = await ImportedHub.StartAsync(Token);
        var api = await hub.TokenClientAsync(TeamRole.TeamMember);
        var imported = ImportedHub.Imported(hub);
        var facets = await api.GetFromJsonAsync<JsonElement>("/api/v1/accounts/facets", Token);
        var tag = facets.GetProperty("tags")[0].GetProperty("value").GetString()!;
        var segment = facets.GetProperty("segments")[0].GetProperty("value").GetString()!;
        var plan = facets.GetProperty("plans")[0].GetProperty("value").GetString()!;
        Strings(facets.GetProperty("attributeNames")).ShouldContain("churn_risk");

        // Act
        async Task<string[]> IdsAsync(string query) =>
            [.. (await FollowAsync(api, "/api/v1/accounts?limit=5&" + query)).Select(i => i.GetProperty("externalId").GetString()!)];

        // Assert
        (await IdsAsync("tag=" + Uri.EscapeDataString(tag))).ShouldBe(
            imported.Where(c => ImportedHub.TagNames(hub, c.TagIds).Contains(tag)).Select(c => c.CompanyId!), ignoreOrder: true);
        (await IdsAsync("segment=" + Uri.EscapeDataString(segment))).ShouldBe(
            imported.Where(c => ImportedHub.SegmentNames(hub, c.SegmentIds).Contains(segment)).Select(c => c.CompanyId!), ignoreOrder: true);
        (await IdsAsync("plan=" + Uri.EscapeDataString(plan))).ShouldBe(imported.Where(c => c.Plan == plan).Select(c => c.CompanyId!), ignoreOrder: true);
        (await IdsAsync("attribute=churn_risk%3Dhigh")).ShouldBe(
            imported.Where(c => c.CustomAttributes.GetValueOrDefault("churn_risk") as string == "high").Select(c => c.CompanyId!), ignoreOrder: true);
        var counted = await api.GetFromJsonAsync<JsonElement>("/api/v1/accounts?total=true&limit=1&tag=" + Uri.EscapeDataString(tag), Token);
        counted.GetProperty("total").GetInt64().ShouldBe(facets.GetProperty("tags")[0].GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task An_account_has_every_field_custom_attribute_tag_segment_and_user_that_intercom_gave()
    {
        // Arrange
        await using var hub = await ImportedHub.StartAsync(Token);
        var api = await hub.TokenClientAsync(TeamRole.TeamMember);
        var company = ImportedHub.Imported(hub).First(c => c.ContactIds.Count > 0 && c.SegmentIds.Count > 0);
        var row = (await FollowAsync(api, "/api/v1/accounts?limit=200&q=" + company.CompanyId)).ShouldHaveSingleItem();

        // Act
        var account = await api.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{row.GetProperty("id").GetInt64()}", Token);

        // Assert
        var source = account.GetProperty("sources").EnumerateArray().ShouldHaveSingleItem();
        source.GetProperty("sourceId").GetString().ShouldBe(company.Id);
        source.GetProperty("industry").GetString().ShouldBe(company.Industry);
        Strings(source.GetProperty("tags")).ShouldBe(ImportedHub.TagNames(hub, company.TagIds));
        Strings(source.GetProperty("segments")).ShouldBe(ImportedHub.SegmentNames(hub, company.SegmentIds));
        var attributes = source.GetProperty("customAttributes");
        attributes.GetProperty("churn_risk").GetString().ShouldBe((string)company.CustomAttributes["churn_risk"]!);
        attributes.GetProperty("seats").GetInt64().ShouldBe((long)company.CustomAttributes["seats"]!);
        source.GetProperty("raw").GetProperty("id").GetString().ShouldBe(company.Id);
        var users = hub.Simulator.Workspace.Contacts
            .Where(c => c.Role == "user" && c.ExternalId is not null && company.ContactIds.Contains(c.Id)).Select(c => c.ExternalId!).ToList();
        account.GetProperty("userCount").GetInt64().ShouldBe(users.Count);
        account.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("externalId").GetString()!).ShouldBe(users, ignoreOrder: true);
    }

    [Fact]
    public async Task Users_of_an_account_and_a_user_agree_with_the_workspace()
    {
        // Arrange
        await using var hub = await ImportedHub.StartAsync(Token);
        var api = await hub.TokenClientAsync(TeamRole.TeamMember);
        var company = ImportedHub.Imported(hub).First(c => c.ContactIds.Count > 1);
        var accountId = (await FollowAsync(api, "/api/v1/accounts?q=" + company.CompanyId)).Single().GetProperty("id").GetInt64();
        var contacts = hub.Simulator.Workspace.Contacts.Where(c => c.Role == "user" && c.ExternalId is not null && company.ContactIds.Contains(c.Id)).ToList();

        // Act
        var users = await FollowAsync(api, $"/api/v1/users?account={accountId}&limit=1&sort=email");
        var contact = contacts[0];
        var userId = users.Single(u => u.GetProperty("externalId").GetString() == contact.ExternalId).GetProperty("id").GetInt64();
        var user = await api.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}", Token);

        // Assert
        users.Select(u => u.GetProperty("externalId").GetString()!).ShouldBe(contacts.Select(c => c.ExternalId!), ignoreOrder: true);
        user.GetProperty("email").GetString().ShouldBe(contact.Email);
        user.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ShouldContain(accountId);
        var source = user.GetProperty("sources").EnumerateArray().ShouldHaveSingleItem();
        source.GetProperty("sourceId").GetString().ShouldBe(contact.Id);
        Strings(source.GetProperty("tags")).ShouldBe(ImportedHub.TagNames(hub, contact.TagIds));
        source.GetProperty("customAttributes").EnumerateObject().Select(p => p.Name).ShouldBe(contact.CustomAttributes.Keys, ignoreOrder: true);
    }

    [Theory]
    [InlineData("/api/v1/accounts?sort=revenue", "sort")]
    [InlineData("/api/v1/accounts?dir=up", "dir")]
    [InlineData("/api/v1/accounts?limit=0", "limit")]
    [InlineData("/api/v1/accounts?limit=201", "limit")]
    [InlineData("/api/v1/accounts?limit=ten", "limit")]
    [InlineData("/api/v1/accounts?cursor=garbage", "cursor")]
    [InlineData("/api/v1/accounts?status=deleted", "status")]
    [InlineData("/api/v1/accounts?attribute=novalue", "attribute")]
    [InlineData("/api/v1/users?account=acme", "account")]
    [InlineData("/api/v1/users?sort=monthly_spend", "sort")]
    [InlineData("/api/v1/users?type=paying", "type")]
    [InlineData("/api/v1/users?value=mrr%20%3E%3E%201", "value")]
    [InlineData("/api/v1/users?plna=Pro", "plna")]
    [InlineData("/api/v1/accounts?account=5", "account")]
    [InlineData("/api/v1/accounts?tags=vip", "tags")]
    [InlineData("/api/v1/users/1?expand=accounts", "expand")]
    [InlineData("/api/v1/conversations?stat=open", "stat")]
    [InlineData("/api/v1/accounts/1/timeline?limt=5", "limt")]
    [InlineData("/api/v1/model/retired?after=3", "after")]
    public async Task A_bad_parameter_is_a_400_problem_that_names_it(string url, string parameter)
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var api = await hub.TokenClientAsync(TeamRole.TeamMember);

        var response = await api.GetAsync(url, Token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        problem.GetProperty("parameter").GetString().ShouldBe(parameter);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_cursor_used_with_another_sort_is_refused_and_unknown_ids_are_404_problems()
    {
        // Arrange
        await using var hub = await ImportedHub.StartAsync(Token);
        var api = await hub.TokenClientAsync(TeamRole.TeamMember);
        var first = await api.GetFromJsonAsync<JsonElement>("/api/v1/accounts?limit=2", Token);
        var cursor = first.GetProperty("nextCursor").GetString()!;

        // Act
        var resorted = await api.GetAsync($"/api/v1/accounts?sort=created&cursor={cursor}", Token);
        var account = await api.GetAsync("/api/v1/accounts/987654", Token);
        var user = await api.GetAsync("/api/v1/users/987654", Token);

        // Assert
        resorted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await resorted.Content.ReadAsStringAsync(Token)).ShouldContain("another sort");
        account.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await account.Content.ReadAsStringAsync(Token)).ShouldContain("no account with id 987654");
        user.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_signing_in_the_lists_answer_401()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Token);
        var anonymous = hub.Client();

        (await anonymous.GetAsync("/api/v1/accounts", Token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/v1/users/1", Token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/v1/accounts/facets", Token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
