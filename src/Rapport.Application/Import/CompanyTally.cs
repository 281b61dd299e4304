using Rapport.Hub.Sources;

namespace Rapport.Application.Import;

/// <summary>The companies phase's counts, added up batch by batch.</summary>
internal sealed class CompanyTally
{
    private readonly Dictionary<string, int> skipped = new(StringComparer.Ordinal);
    private int qualified, created, updated, unchanged, deactivated;

    public int Seen { get; private set; }

    public void Add(IReadOnlyList<CompanyDecision> decisions, CompanyBatchResult result)
    {
        foreach (var decision in decisions)
        {
            if (decision.Qualified)
                qualified++;
            else
                skipped[CompanyQualifier.Category(decision.Reason!)] = skipped.GetValueOrDefault(CompanyQualifier.Category(decision.Reason!)) + 1;
        }

        Seen += decisions.Count;
        created += result.Created;
        updated += result.Updated;
        unchanged += result.Unchanged;
        deactivated += result.Deactivated;
    }

    /// <param name="unseen">Accounts made inactive after the pass because their company was not in it.</param>
    public CompanyCounts ToCounts(int unseen) =>
        new(Seen, qualified, created, updated, unchanged, deactivated + unseen, skipped);
}
