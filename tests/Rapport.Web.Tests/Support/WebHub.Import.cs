using Rapport.Application.Import;

namespace Rapport.Web.Tests.Support;

public sealed partial class WebHub
{
    /// <summary>Imports the simulator's workspace into this hub with the CLI's importer, outside the web app (as
    /// <c>rapport import</c> on the same database does).</summary>
    public async Task<ImportSummary> ImportAsync(ImportOptions options, CancellationToken cancellationToken) =>
        await Store.Create<IntercomImporter>(_intercom.CreateClient(), options, TimeProvider.System).RunAsync(null, cancellationToken);
}
