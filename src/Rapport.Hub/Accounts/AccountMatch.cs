namespace Rapport.Hub.Accounts;

/// <summary>
/// What an account must match by its plan and the account model's values. The accounts list filters accounts by it; the
/// users list keeps the users of at least one account that matches it.
/// </summary>
public sealed record AccountMatch
{
    public string? Plan { get; init; }

    /// <summary>The account model's type: subscribed, trial, unqualified_trial or churned.</summary>
    public string? ModelType { get; init; }

    /// <summary>The account owner's user id, as the model computed it.</summary>
    public string? Owner { get; init; }

    /// <summary>Member of this model segment (Settings → Metrics), not an Intercom segment.</summary>
    public string? MemberOf { get; init; }

    /// <summary>This risk or opportunity indicator is active.</summary>
    public string? Indicator { get; init; }

    /// <summary>Every comparison must hold: <c>mrr &gt;= 100</c>, <c>metric:Weekly logins &gt;= 3</c>.</summary>
    public IReadOnlyList<ModelValueFilter> Values { get; init; } = [];

    public bool IsEmpty => Plan is null && ModelType is null && Owner is null && MemberOf is null && Indicator is null && Values.Count == 0;
}
