using Rapport.Hub.Sources;

namespace Rapport.Sync.Import;

public sealed partial class IntercomImporter
{
    /// <summary>
    /// Reads every company by scroll (the list endpoint stops at 10,000 and leaves out companies without users) and
    /// applies each page as one batch. Intercom has no company search, so even an incremental import reads them all;
    /// unchanged companies cost the API call and nothing else.
    /// </summary>
    private async Task<CompanyCounts> ImportCompaniesAsync(
        ImportRunState state, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        int seen = 0, qualified = 0, created = 0, updated = 0, unchanged = 0, deactivated = 0;
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);

        await foreach (var page in intercom.ScrollCompaniesAsync(cancellationToken).Prefetch(2, cancellationToken).ConfigureAwait(false))
        {
            var decisions = new List<CompanyDecision>(page.Items.Count);
            foreach (var company in page.Items)
            {
                var decision = qualifier.Decide(company);
                decisions.Add(decision);
                if (decision.Qualified)
                    qualified++;
                else
                    skipped[CompanyQualifier.Category(decision.Reason!)] = skipped.GetValueOrDefault(CompanyQualifier.Category(decision.Reason!)) + 1;
            }

            var result = await store.ApplyCompaniesAsync(decisions, state.RunId, cancellationToken: cancellationToken).ConfigureAwait(false);
            seen += page.Items.Count;
            created += result.Created;
            updated += result.Updated;
            unchanged += result.Unchanged;
            deactivated += result.Deactivated;
            progress?.Report(new ImportProgress("companies", seen, page.TotalCount, intercom.Statistics.RequestsSent));
        }

        deactivated += await store.DeactivateUnseenCompaniesAsync(
            IntercomSource.Name, state.RunId, "deleted in Intercom", cancellationToken).ConfigureAwait(false);
        return new CompanyCounts(seen, qualified, created, updated, unchanged, deactivated, skipped);
    }
}
