using Rapport.IntercomSimulator;

namespace Rapport.Intercom.Tests;

public sealed class PagingSpecs
{
    [Fact]
    public async Task Scroll_reads_every_company_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);

        var pages = await intercom.Client.ScrollCompaniesAsync(ct).ToListAsync(ct);

        var ids = pages.SelectMany(page => page.Items).Select(company => company.Id).ToList();
        ids.Count.ShouldBe(intercom.Workspace.Companies.Count);
        ids.ShouldBeUnique();
        ids.ShouldBe(intercom.Workspace.Companies.Select(company => company.Id), ignoreOrder: true);
        pages.Count.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Listing_companies_returns_those_with_users_once_each_newest_last_seen_first()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);

        var companies = await intercom.Client.ListCompaniesAsync(perPage: 25, ct).SelectMany(page => page.Items.ToAsyncEnumerable()).ToListAsync(ct);

        var expected = intercom.Workspace.Companies.Where(company => company.UserCount > 0).Select(company => company.Id);
        companies.Select(company => company.Id).ShouldBe(expected, ignoreOrder: true);
        var lastSeen = companies.Select(company => company.LastRequestAt ?? DateTimeOffset.MinValue).ToList();
        lastSeen.ShouldBe(lastSeen.OrderByDescending(time => time).ToList());
    }

    [Fact]
    public async Task Contacts_cursor_covers_every_contact_exactly_once_at_150_per_page()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);

        var pages = await intercom.Client.ListContactsAsync(cancellationToken: ct).ToListAsync(ct);

        var ids = pages.SelectMany(page => page.Items).Select(contact => contact.Id).ToList();
        ids.ShouldBeUnique();
        ids.ShouldBe(intercom.Workspace.Contacts.Select(contact => contact.Id), ignoreOrder: true);
        pages.ShouldAllBe(page => page.Items.Count <= 150);
        pages.Count.ShouldBe((intercom.Workspace.Contacts.Count + 149) / 150);
        pages[^1].NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task Contacts_resume_from_a_page_cursor()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        var first = await intercom.Client.ListContactsAsync(cancellationToken: ct).FirstAsync(ct);

        var rest = await intercom.Client.ListContactsAsync(first.NextCursor, ct).SelectMany(page => page.Items.ToAsyncEnumerable()).ToListAsync(ct);

        first.Items.Concat(rest).Select(contact => contact.Id).ShouldBe(intercom.Workspace.Contacts.Select(contact => contact.Id), ignoreOrder: true);
    }

    [Fact]
    public async Task Search_pages_through_every_match_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        var users = intercom.Workspace.Contacts.Where(contact => contact.Role == "user").Select(contact => contact.Id).ToList();

        var pages = await intercom.Client.SearchContactsAsync(IntercomSearchQuery.Filter("role", "=", "user"), cancellationToken: ct).ToListAsync(ct);

        var found = pages.SelectMany(page => page.Items).ToList();
        found.Select(contact => contact.Id).ShouldBe(users, ignoreOrder: true);
        found.ShouldAllBe(contact => !contact.IsLead);
        pages.Count.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Search_for_recent_updates_finds_a_contact_touched_today()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        var touched = intercom.Workspace.Contacts[3];
        intercom.Workspace.UpdateContact(touched.Id, contact => contact.Name = "Touched Today");

        var query = IntercomSearchQuery.And(IntercomSearchQuery.UpdatedAfter(DateTimeOffset.UtcNow.AddMinutes(-5)), IntercomSearchQuery.Filter("name", "=", "Touched Today"));
        var found = await intercom.Client.SearchContactsAsync(query, cancellationToken: ct).SelectMany(page => page.Items.ToAsyncEnumerable()).ToListAsync(ct);

        found.Select(contact => contact.Id).ShouldBe([touched.Id]);
    }

    [Fact]
    public async Task A_contact_with_more_than_ten_companies_lists_them_all()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        var contact = intercom.Workspace.AddContact(c => c.Email = "many@example.com");
        var companies = Enumerable.Range(0, 14).Select(i => intercom.Workspace.AddCompany(c => c.Name = $"Many {i}")).ToList();
        companies.ForEach(company => intercom.Workspace.Attach(contact.Id, company.Id));

        var inline = await intercom.Client.GetContactAsync(contact.Id, ct);
        var all = await intercom.Client.ListContactCompaniesAsync(contact.Id, ct).ToListAsync(ct);

        inline.Companies.ShouldNotBeNull().HasMore.ShouldBeTrue();
        inline.Companies.TotalCount.ShouldBe(14);
        all.Select(company => company.Id).ShouldBe(companies.Select(company => company.Id), ignoreOrder: true);
    }

    [Fact]
    public async Task Cancelling_stops_paging()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pagesSeen = 0;

        var paging = async () =>
        {
            await foreach (var _ in intercom.Client.ListContactsAsync(cancellationToken: cancel.Token))
            {
                pagesSeen++;
                await cancel.CancelAsync();
            }
        };

        await paging.ShouldThrowAsync<OperationCanceledException>();
        pagesSeen.ShouldBe(1);
        intercom.Server.Stats.RequestsTo("GET /contacts").ShouldBe(1);
    }
}
