using Rapport.Hub.Sources;
using Rapport.Intercom;

namespace Rapport.Application.Import;

/// <summary>
/// Decides whether an Intercom company comes in: it needs a <c>company_id</c> (the key that unifies it with other
/// sources), a last seen (Intercom's Last Seen, <c>last_request_at</c>) within the window (90 days unless configured),
/// and a match of the user's qualification rules. A reason's text before the first colon is its category.
/// </summary>
public sealed class CompanyQualifier(ImportOptions options, TimeProvider timeProvider)
{
    public const string MissingCompanyId = "missing company_id";
    public const string NeverSeen = "never seen";
    public const string RulesNotMet = "qualification rules not met";

    public string NotSeenRecently => $"not seen in the last {options.LastSeenDays} days";

    public CompanyDecision Decide(IntercomCompany company)
    {
        var source = IntercomMapping.ToSourceCompany(company);
        var reason = Reason(company, source);
        return new CompanyDecision(source, reason is null, reason);
    }

    private string? Reason(IntercomCompany company, SourceCompany source)
    {
        if (source.ExternalId is null)
            return MissingCompanyId;
        if (company.LastRequestAt is not { } lastSeen)
            return NeverSeen;
        if (lastSeen < timeProvider.GetUtcNow().AddDays(-options.LastSeenDays))
            return NotSeenRecently;
        if (options.Qualification is { } rules && rules.Evaluate(new CompanyFields(company, timeProvider)) is { Matched: false } result)
            return $"{RulesNotMet}: {result.Reason}";
        return null;
    }

    /// <summary>The category of a reason: what a summary groups by.</summary>
    public static string Category(string reason) => reason.Split(':', 2)[0];
}
