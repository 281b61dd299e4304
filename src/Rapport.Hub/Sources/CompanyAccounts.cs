namespace Rapport.Hub.Sources;

/// <summary>What a company seen in a source does to the account it belongs to.</summary>
public enum CompanyAccountAction
{
    /// <summary>The company is (or stays) a source record of the account with its external id, which it creates when missing.</summary>
    Attach,

    /// <summary>Never imported and not qualified: nothing is written.</summary>
    Ignore,

    /// <summary>Imported before and no longer qualified: its record stays, but it no longer keeps its account active.</summary>
    Detach,
}

/// <param name="Action">What the company does to its account.</param>
/// <param name="RecheckAccountId">
/// An account the company no longer keeps: it becomes inactive with <paramref name="RecheckReason"/> unless another of its
/// companies still does. Null when no account lost the company.
/// </param>
public sealed record CompanyAccountEffect(CompanyAccountAction Action, long? RecheckAccountId = null, string? RecheckReason = null);

/// <summary>
/// The account rules of an import, apart from how they are stored: a qualified company with an external id makes (or
/// keeps) the account of that external id, whichever source brought it; one that stops qualifying leaves its account to
/// be deactivated unless another company keeps it; one never imported and not qualified is ignored.
/// </summary>
public static class CompanyAccounts
{
    /// <summary>Whether the company makes an account: qualified, and with an external id to name it by.</summary>
    public static bool MakesAccount(CompanyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Qualified && decision.Company.ExternalId is not null;
    }

    /// <param name="decision">The company and whether it qualifies now.</param>
    /// <param name="storedAccountId">The account its stored record belongs to; null when it was never stored.</param>
    /// <param name="accountId">The account of its external id, when it makes one (found or just created).</param>
    public static CompanyAccountEffect Decide(CompanyDecision decision, long? storedAccountId, long? accountId)
    {
        if (MakesAccount(decision))
        {
            if (accountId is null)
                throw new ArgumentNullException(nameof(accountId), "A company that makes an account needs that account's id.");
            return storedAccountId is { } previous && previous != accountId
                ? new CompanyAccountEffect(CompanyAccountAction.Attach, previous, "its company now has another external id")
                : new CompanyAccountEffect(CompanyAccountAction.Attach);
        }

        if (storedAccountId is null)
            return new CompanyAccountEffect(CompanyAccountAction.Ignore);

        var reason = decision.Reason ?? (decision.Company.ExternalId is null ? "no external id" : "no longer qualifies");
        return new CompanyAccountEffect(CompanyAccountAction.Detach, storedAccountId, reason);
    }
}
