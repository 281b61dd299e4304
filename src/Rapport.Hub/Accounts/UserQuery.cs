namespace Rapport.Hub.Accounts;

/// <param name="Search">A prefix of the name, the email or the external id, compared without regard to (ASCII) case.</param>
public sealed record UserQuery
{
    public string? Search { get; init; }

    public StatusFilter Status { get; init; } = StatusFilter.Active;

    public string? Tag { get; init; }

    public string? Segment { get; init; }

    /// <summary>Only users linked to this account.</summary>
    public long? AccountId { get; init; }

    public AttributeFilter? Attribute { get; init; }

    /// <summary>Only users of an account matching this (its plan, the model's type, owner, segment, indicator or values).</summary>
    public AccountMatch? OfAccounts { get; init; }

    public UserSort Sort { get; init; } = UserSort.Name;

    public bool Descending { get; init; }

    public PageCursor? Cursor { get; init; }

    public int PageSize { get; init; } = PageCursor.DefaultPageSize;

    public bool IncludeTotal { get; init; }
}
