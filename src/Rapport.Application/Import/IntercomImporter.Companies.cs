using Rapport.Hub.Sources;
using Rapport.Intercom;
using Rapport.Hub.Sync;

namespace Rapport.Application.Import;

public sealed partial class IntercomImporter
{
    /// <summary>
    /// Reads every company by scroll (the list endpoint stops at 10,000 and leaves out companies without users) and
    /// applies each page as one batch. Intercom has no company search, so even an incremental import reads them all;
    /// unchanged companies cost the API call and nothing else.
    /// </summary>
    /// <remarks>
    /// A scroll that breaks (a 5xx or a dropped connection on a page: Intercom cannot resume it) is started again once the
    /// old one expired (the client waits for that), for as long as the patience allows without a new company read. The
    /// companies the run already applied are passed over, so their records are not written twice and the counts are those
    /// of one pass.
    /// </remarks>
    private async Task<CompanyCounts> ImportCompaniesAsync(
        ImportRunState state, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var tally = new CompanyTally();
        var applied = new HashSet<string>(StringComparer.Ordinal);
        var (breaks, brokenSince) = (0, 0L);
        while (true)
        {
            try
            {
                await foreach (var page in _intercom.ScrollCompaniesAsync(cancellationToken).Prefetch(2, cancellationToken).ConfigureAwait(false))
                {
                    var fresh = page.Items.Where(company => !applied.Contains(company.Id)).ToList();
                    if (fresh.Count == 0)
                        continue;
                    var decisions = fresh.ConvertAll(_qualifier.Decide);
                    var result = await sourceStore.ApplyCompaniesAsync(decisions, state.RunId, cancellationToken: cancellationToken).ConfigureAwait(false);
                    tally.Add(decisions, result);
                    applied.UnionWith(fresh.Select(company => company.Id));
                    breaks = 0;
                    progress?.Report(new ImportProgress("companies", tally.Seen, page.TotalCount, _intercom.Statistics.RequestsSent));
                }

                break;
            }
            catch (IntercomScrollExpiredException broken)
            {
                if (breaks++ == 0)
                    brokenSince = timeProvider.GetTimestamp();
                var failingFor = timeProvider.GetElapsedTime(brokenSince);
                if (failingFor >= options.Patience)
                    throw new IntercomPatienceExceededException("Intercom's company scroll (GET /companies/scroll)", breaks, failingFor, options.Patience, broken);
            }
        }

        var unseen = await sourceStore.DeactivateUnseenCompaniesAsync(
            IntercomSource.Name, state.RunId, "deleted in Intercom", cancellationToken).ConfigureAwait(false);
        return tally.ToCounts(unseen);
    }
}
