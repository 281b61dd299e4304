namespace Rapport.Application.Check;

/// <summary>
/// The pre-enable check, run before Import users and companies is enabled: every company without <c>company_id</c> and
/// every user without <c>user_id</c> (they cannot be unified with other sources), and emails shared by several contacts
/// (they would make matching conversations by email ambiguous).
/// </summary>
public sealed record PreEnableReport(
    int CompaniesChecked,
    IReadOnlyList<MissingId> CompaniesWithoutCompanyId,
    int UsersChecked,
    int LeadsIgnored,
    IReadOnlyList<MissingId> UsersWithoutUserId,
    IReadOnlyList<SharedEmail> SharedEmails)
{
    /// <summary>True when the import can be enabled without skipping anything.</summary>
    public bool Passed => CompaniesWithoutCompanyId.Count == 0 && UsersWithoutUserId.Count == 0;
}

/// <summary>An Intercom record without its unifying id: Intercom's own id and what a person recognises it by.</summary>
public sealed record MissingId(string IntercomId, string? Name, string? Email);

public sealed record SharedEmail(string Email, IReadOnlyList<string> ContactIds);
