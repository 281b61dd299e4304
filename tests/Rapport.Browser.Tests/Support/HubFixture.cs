using Rapport.Web.Tests.Support;

namespace Rapport.Browser.Tests.Support;

/// <summary>One running hub per test class: its tests each sign in their own teammates, so they do not interfere.</summary>
public sealed class HubFixture : IAsyncLifetime
{
    private WebHub? _hub;

    public WebHub Hub => _hub ?? throw new InvalidOperationException("The hub has not started.");

    public async ValueTask InitializeAsync()
    {
        _hub = await StartWarmAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A hub of its own, for a test that changes its Intercom workspace or connection.</summary>
    public static async Task<WebHub> StartWarmAsync(CancellationToken cancellationToken)
    {
        var hub = await WebHub.StartAsync(cancellationToken: cancellationToken);
        // The first request of a new host compiles the pipeline, the pages and the key ring; on a busy machine that
        // alone can outlast a browser wait, so it happens here rather than inside a test's first navigation.
        using var response = await hub.Client().GetAsync("/signin", cancellationToken);
        response.EnsureSuccessStatusCode();
        return hub;
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
            await _hub.DisposeAsync();
    }
}
