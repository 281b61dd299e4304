using Rapport.Intercom;
using Rapport.Application.Import;
using Rapport.Application.Settings;

namespace Rapport.Web.Integration;

/// <summary>
/// Every company of the connected workspace, read once by scroll and kept in memory, so the qualification preview answers
/// while the teammate types. The preview runs the importer's own <see cref="CompanyQualifier"/>: what it counts is what
/// an import brings in. Read again on demand, or when the connection changes.
/// </summary>
internal sealed class CompanyCensus(IntercomConnections connections, TimeProvider timeProvider)
{
    private readonly SemaphoreSlim _sync = new(1, 1);
    private Snapshot? _snapshot;

    public sealed record Snapshot(string ConnectionKey, IReadOnlyList<IntercomCompany> Companies, DateTimeOffset ReadAt);

    /// <summary>The census when one was read for the current connection, without reading Intercom.</summary>
    public async Task<Snapshot?> PeekAsync(CancellationToken cancellationToken) =>
        await connections.CurrentAsync(cancellationToken) is { } connection && _snapshot is { } snapshot && snapshot.ConnectionKey == connection.ProtectedToken
            ? snapshot
            : null;

    public async Task<Snapshot?> GetAsync(bool refresh, CancellationToken cancellationToken)
    {
        await _sync.WaitAsync(cancellationToken);
        try
        {
            var connection = await connections.CurrentAsync(cancellationToken);
            if (connection is null)
                return null;
            if (!refresh && _snapshot is { } cached && cached.ConnectionKey == connection.ProtectedToken)
                return cached;

            var client = await connections.ClientAsync(cancellationToken) ?? throw new InvalidOperationException("Intercom is not connected.");
            var companies = new List<IntercomCompany>();
            await foreach (var page in client.ScrollCompaniesAsync(cancellationToken))
                companies.AddRange(page.Items);
            return _snapshot = new Snapshot(connection.ProtectedToken, companies, timeProvider.GetUtcNow());
        }
        finally
        {
            _sync.Release();
        }
    }

    /// <summary>How many companies of <paramref name="snapshot"/> qualify under <paramref name="settings"/>, and why the others do not.</summary>
    public PreviewResult Preview(Snapshot snapshot, IntercomIntegrationSettings settings)
    {
        var qualifier = new CompanyQualifier(settings.ToImportOptions(), timeProvider);
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var qualified = 0;
        foreach (var company in snapshot.Companies)
        {
            var decision = qualifier.Decide(company);
            if (decision.Qualified)
            {
                qualified++;
            }
            else
            {
                var category = CompanyQualifier.Category(decision.Reason!);
                skipped[category] = skipped.GetValueOrDefault(category) + 1;
            }
        }
        return new PreviewResult(snapshot.Companies.Count, qualified, skipped, snapshot.ReadAt);
    }
}

public sealed record PreviewResult(int CompaniesRead, int Qualified, IReadOnlyDictionary<string, int> Skipped, DateTimeOffset CensusReadAt);
