using Dapper;
using Rapport.Hub.Duplicates;
using Rapport.Storage.Database;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Duplicates;

internal sealed partial class DuplicateStore(HubDatabase database) : IDuplicateStore
{
    private const string SegmentSourceName = "segment";
    private const string IntercomSourceName = "intercom";

    /// <summary>
    /// A domain or name shared by more records than this is no evidence that they are one entity (a hosting or placeholder
    /// domain, a common name); pairing them all would bury the real findings under n × (n − 1) / 2 rows.
    /// </summary>
    private const int MaxSharing = 4;

    public async Task<IReadOnlyList<DuplicateCandidate>> FindDuplicatesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var companies = (await connection.QueryAsync<(long Id, string ExternalId, string? Name, string Source, string? SourceName, string? Website)>(Command(
            """
            SELECT a.id, a.external_id, a.name, sc.source, sc.name, sc.website
            FROM accounts a JOIN source_companies sc ON sc.account_id = a.id
            WHERE a.status = 'active' ORDER BY a.id, sc.source
            """, null, null, cancellationToken))).ToList();
        var accounts = companies.GroupBy(c => c.Id).ToDictionary(
            g => g.Key,
            g => new DuplicateRecord(g.Key, g.First().ExternalId, g.First().Name, null, [.. g.Select(c => c.Source).Distinct().Order(StringComparer.Ordinal)]));
        var found = new List<DuplicateCandidate>();

        foreach (var group in companies.Where(c => Domain(c.Website) is not null).GroupBy(c => Domain(c.Website)!))
            AddPairs(found, RecordKind.Account, "same-domain", $"website domain {group.Key}", group.Select(c => accounts[c.Id]));

        foreach (var group in companies.Where(c => Normal(c.SourceName ?? c.Name) is not null).GroupBy(c => Normal(c.SourceName ?? c.Name)!))
        {
            var records = group.Select(c => accounts[c.Id]).DistinctBy(r => r.Id).ToList();
            if (records.Count > MaxSharing)
                continue;
            foreach (var (first, second) in Pairs(records))
            {
                // Two ids for one name where one side is only Intercom and the other only Segment: the classic mismatch
                // of a customer given different ids in the two.
                var mismatch = first.Sources.Count == 1 && second.Sources.Count == 1 && first.Sources[0] != second.Sources[0]
                    && first.Sources.Concat(second.Sources).Order(StringComparer.Ordinal).SequenceEqual([IntercomSourceName, SegmentSourceName]);
                var (intercom, segment) = first.Sources[0] == IntercomSourceName ? (first, second) : (second, first);
                found.Add(mismatch
                    ? new DuplicateCandidate(RecordKind.Account, "unmatched-company-id",
                        $"Intercom company_id {intercom.ExternalId} matches no Segment group, while Segment group {segment.ExternalId} has its name '{group.First().SourceName ?? group.First().Name}'",
                        intercom, segment)
                    : new DuplicateCandidate(RecordKind.Account, "same-name", $"name '{group.First().SourceName ?? group.First().Name}'", first, second));
            }
        }

        var users = (await connection.QueryAsync<(long Id, string ExternalId, string? Name, string Email)>(Command(
            "SELECT id, external_id, name, email FROM users WHERE status = 'active' AND email IS NOT NULL ORDER BY id",
            null, null, cancellationToken))).ToList();
        var userSources = (await connection.QueryAsync<(string ExternalId, string Source)>(Command(
            "SELECT DISTINCT external_id, source FROM source_contacts WHERE external_id IS NOT NULL", null, null, cancellationToken)))
            .ToLookup(r => r.ExternalId, r => r.Source);
        foreach (var group in users.GroupBy(u => u.Email.Trim().ToLowerInvariant()).Where(g => g.Count() > 1))
        {
            AddPairs(found, RecordKind.User, "same-email", $"email {group.Key}", group.Select(u =>
                new DuplicateRecord(u.Id, u.ExternalId, u.Name, u.Email, [.. userSources[u.ExternalId].Order(StringComparer.Ordinal)])));
        }

        // One pair, one finding: the strongest rule first (a shared domain is stronger evidence than a shared name). Pairs
        // whose records come from different sources (the second source's duplicates) are listed first.
        return [.. found.DistinctBy(c => (c.Kind, Math.Min(c.First.Id, c.Second.Id), Math.Max(c.First.Id, c.Second.Id)))
            .OrderBy(c => c.First.Sources.SequenceEqual(c.Second.Sources) ? 1 : 0)];
    }

    private static void AddPairs(List<DuplicateCandidate> found, RecordKind kind, string rule, string evidence, IEnumerable<DuplicateRecord> records)
    {
        List<DuplicateRecord> distinct = [.. records.DistinctBy(r => r.Id)];
        if (distinct.Count > MaxSharing)
            return;
        foreach (var (first, second) in Pairs(distinct))
            found.Add(new DuplicateCandidate(kind, rule, evidence, first, second));
    }

    private static IEnumerable<(DuplicateRecord First, DuplicateRecord Second)> Pairs(List<DuplicateRecord> records)
    {
        for (var i = 0; i < records.Count; i++)
        {
            for (var j = i + 1; j < records.Count; j++)
                yield return (records[i], records[j]);
        }
    }

    private static string? Normal(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim().ToLowerInvariant();

    /// <summary>The host of a website without scheme, <c>www.</c>, port or path: <c>https://www.Acme.com/x</c> → <c>acme.com</c>.</summary>
    internal static string? Domain(string? website)
    {
        if (string.IsNullOrWhiteSpace(website))
            return null;
        var text = website.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
            text = "http://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            return null;
        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
