using Rapport.IntercomSimulator;

namespace Rapport.Intercom.Tests;

public sealed class ScrollSpecs
{
    [Fact]
    public async Task A_second_concurrent_scroll_waits_for_the_first_to_finish()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        var events = new List<string>();

        async Task ScrollAsync(string name)
        {
            await foreach (var page in intercom.Client.ScrollCompaniesAsync(ct))
            {
                lock (events)
                {
                    events.Add(name);
                }

                await Task.Delay(20, ct);
            }
        }

        await Task.WhenAll(ScrollAsync("A"), ScrollAsync("B"));

        var pagesPerScroll = (intercom.Workspace.Companies.Count + 49) / 50;
        events.Count.ShouldBe(2 * pagesPerScroll);
        events.Take(pagesPerScroll).Distinct().Count().ShouldBe(1);
        events.Skip(pagesPerScroll).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task A_scroll_left_open_elsewhere_is_waited_out()
    {
        var ct = TestContext.Current.CancellationToken;
        var simulator = new SimulatorOptions { Companies = 60, Contacts = 100, Seed = 3, RateLimitPerMinute = null, ScrollExpiry = TimeSpan.FromSeconds(2) };
        await using var intercom = await SimulatedIntercom.StartAsync(simulator, o => o.ScrollOpenRetryInterval = TimeSpan.FromMilliseconds(300), ct);
        await intercom.GetRawAsync("companies/scroll", ct);

        var companies = await intercom.Client.ScrollCompaniesAsync(ct).SelectMany(page => page.Items.ToAsyncEnumerable()).ToListAsync(ct);

        companies.Count.ShouldBe(60);
        intercom.Server.Stats.RequestsTo("GET /companies/scroll").ShouldBeGreaterThan(3);
    }

    [Fact]
    public async Task A_scroll_broken_mid_way_says_it_must_be_restarted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        var pagesSeen = 0;

        var scrolling = async () =>
        {
            await foreach (var _ in intercom.Client.ScrollCompaniesAsync(ct))
            {
                if (++pagesSeen == 1)
                {
                    await intercom.InjectFaultAsync("truncated_body", 1, "/companies/scroll", cancellationToken: ct);
                }
            }
        };

        var error = await scrolling.ShouldThrowAsync<IntercomScrollExpiredException>();
        error.PagesRead.ShouldBe(1);
        error.Message.ShouldContain("restart");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_scroll_ends_cleanly_whether_its_empty_last_page_carries_a_scroll_param_or_not(bool paramOnLastPage)
    {
        var ct = TestContext.Current.CancellationToken;
        var simulator = new SimulatorOptions { Companies = 60, Contacts = 100, Seed = 3, RateLimitPerMinute = null, ScrollPageSize = 25, ScrollParamOnLastPage = paramOnLastPage };
        await using var intercom = await SimulatedIntercom.StartAsync(simulator, cancellationToken: ct);

        var first = await intercom.Client.ScrollCompaniesAsync(ct).SelectMany(page => page.Items.ToAsyncEnumerable()).ToListAsync(ct);
        var second = await intercom.Client.ScrollCompaniesAsync(ct).SelectMany(page => page.Items.ToAsyncEnumerable()).ToListAsync(ct);

        first.Select(company => company.Id).ShouldBe(intercom.Workspace.Companies.Select(company => company.Id), ignoreOrder: true);
        second.Count.ShouldBe(60);
        // Three pages and the empty one, twice: nothing asked after the end, and the ended scroll did not hold up the next.
        intercom.Server.Stats.RequestsTo("GET /companies/scroll").ShouldBe(8);
    }

    [Fact]
    public async Task A_scroll_broken_off_is_left_to_expire_before_the_next_one_opens()
    {
        var ct = TestContext.Current.CancellationToken;
        var simulator = new SimulatorOptions { Companies = 60, Contacts = 100, Seed = 3, RateLimitPerMinute = null, ScrollPageSize = 25, ScrollExpiry = TimeSpan.FromSeconds(2) };
        await using var intercom = await SimulatedIntercom.StartAsync(simulator, o => o.ScrollExpiry = simulator.ScrollExpiry, ct);
        await intercom.InjectFaultAsync("server_error", 1, "/companies/scroll", cancellationToken: ct, after: 1);
        var broken = async () => await intercom.Client.ScrollCompaniesAsync(ct).ToListAsync(ct);
        await broken.ShouldThrowAsync<IntercomScrollExpiredException>();
        var started = TimeProvider.System.GetTimestamp();

        var companies = await intercom.Client.ScrollCompaniesAsync(ct).SelectMany(page => page.Items.ToAsyncEnumerable()).ToListAsync(ct);

        companies.Count.ShouldBe(60);
        TimeProvider.System.GetElapsedTime(started).ShouldBeGreaterThan(TimeSpan.FromSeconds(1.5));
        // Open, the failed page; then four requests, the first of which opened the scroll: no refusal to wait through.
        intercom.Server.Stats.RequestsTo("GET /companies/scroll").ShouldBe(2 + 4);
    }

    [Fact]
    public async Task Opening_a_scroll_survives_a_server_error()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(cancellationToken: ct);
        await intercom.InjectFaultAsync("server_error", 1, "/companies/scroll", cancellationToken: ct);

        var companies = await intercom.Client.ScrollCompaniesAsync(ct).SelectMany(page => page.Items.ToAsyncEnumerable()).ToListAsync(ct);

        companies.Count.ShouldBe(intercom.Workspace.Companies.Count);
    }
}
