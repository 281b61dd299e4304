using Rapport.Web.Tests.Support;

namespace Rapport.Browser.Tests.Support;

/// <summary>One running hub per test class: its tests each sign in their own teammates, so they do not interfere.</summary>
public sealed class HubFixture : IAsyncLifetime
{
    private WebHub? _hub;

    public WebHub Hub => _hub ?? throw new InvalidOperationException("The hub has not started.");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _hub = await WebHub.StartAsync(cancellationToken: cancellationToken);
        // The first request of a new host compiles the pipeline, the pages and the key ring; on a busy machine that
        // alone can outlast a browser wait, so it happens here rather than inside a test's first navigation.
        using var response = await _hub.Client().GetAsync("/signin", cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
            await _hub.DisposeAsync();
    }
}
