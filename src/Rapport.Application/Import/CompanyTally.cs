using Rapport.Hub.Sources;

namespace Rapport.Application.Import;

/// <summary>The companies phase's counts, added up batch by batch.</summary>
internal sealed class CompanyTally
{
    private readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);
    private int _qualified, _created, _updated, _unchanged, _deactivated;

    public int Seen { get; private set; }

    public void Add(IReadOnlyList<CompanyDecision> decisions, CompanyBatchResult result)
    {
        foreach (var decision in decisions)
        {
            if (decision.Qualified)
                _qualified++;
            else
                _skipped[CompanyQualifier.Category(decision.Reason!)] = _skipped.GetValueOrDefault(CompanyQualifier.Category(decision.Reason!)) + 1;
        }

        Seen += decisions.Count;
        _created += result.Created;
        _updated += result.Updated;
        _unchanged += result.Unchanged;
        _deactivated += result.Deactivated;
    }

    /// <param name="unseen">Accounts made inactive after the pass because their company was not in it.</param>
    public CompanyCounts ToCounts(int unseen) =>
        new(Seen, _qualified, _created, _updated, _unchanged, _deactivated + unseen, _skipped);
}
