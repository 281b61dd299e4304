using Microsoft.Extensions.DependencyInjection;
using Rapport.Intercom;
using Rapport.IntercomSimulator;
using Rapport.Application.Import;

namespace Rapport.Web.Tests.Accounts;

/// <summary>
/// A <see cref="WebHub"/> whose simulator workspace has been imported with the real importer: every fifth company was
/// last seen 200 days ago (so it is not imported), the rest yesterday; companies and users without ids are skipped.
/// </summary>
internal static class ImportedHub
{
    public static async Task<WebHub> StartAsync(CancellationToken cancellationToken)
    {
        var hub = await WebHub.StartAsync(cancellationToken: cancellationToken);
        var now = TimeProvider.System.GetUtcNow();
        var companies = hub.Simulator.Workspace.Companies;
        for (var i = 0; i < companies.Count; i++)
        {
            var lastSeen = now.AddDays(i % 5 == 0 ? -200 : -1);
            hub.Simulator.Workspace.UpdateCompany(companies[i].Id, c => c.LastRequestAt = lastSeen);
        }

        await hub.ImportAsync(new ImportOptions { OnlyWithIds = true }, cancellationToken);
        return hub;
    }

    /// <summary>The companies the import brought in, as the simulator holds them.</summary>
    public static List<SimulatedCompany> Imported(WebHub hub)
    {
        var companies = hub.Simulator.Workspace.Companies;
        return [.. companies.Where((c, i) => i % 5 != 0 && c.CompanyId is not null)];
    }

    public static string[] TagNames(WebHub hub, IEnumerable<string> tagIds)
    {
        var names = hub.Simulator.Workspace.Tags.ToDictionary(t => t.Id, t => t.Name);
        return [.. tagIds.Select(id => names[id]).Distinct().Order(StringComparer.Ordinal)];
    }

    public static string[] SegmentNames(WebHub hub, IEnumerable<string> segmentIds)
    {
        var names = hub.Simulator.Workspace.Segments.ToDictionary(s => s.Id, s => s.Name);
        return [.. segmentIds.Select(id => names[id]).Distinct().Order(StringComparer.Ordinal)];
    }
}
