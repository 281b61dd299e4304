using Microsoft.Extensions.DependencyInjection;
using Rapport.Intercom;
using Rapport.Sync.Import;

namespace Rapport.Web.Tests.Support;

public sealed partial class WebHub
{
    /// <summary>Imports the simulator's workspace into this hub with the CLI's importer, outside the web app (as
    /// <c>rapport import</c> on the same database does).</summary>
    public async Task<ImportSummary> ImportAsync(ImportOptions options, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddRapportIntercom(o =>
        {
            o.BaseAddress = Simulator.BaseAddress;
            o.AccessToken = Simulator.Options.AccessToken;
        });
        await using var provider = services.BuildServiceProvider();
        return await Store.Create<IntercomImporter>(provider.GetRequiredService<IntercomClient>(), options, TimeProvider.System)
            .RunAsync(null, cancellationToken);
    }
}
