namespace Rapport.Hub.Accounts;

/// <param name="Search">A prefix of the name or of the external id, compared without regard to (ASCII) case.</param>
public sealed record AccountQuery
{
    public string? Search { get; init; }

    public StatusFilter Status { get; init; } = StatusFilter.Active;

    public string? Tag { get; init; }

    public string? Segment { get; init; }

    public string? Plan { get; init; }

    public AttributeFilter? Attribute { get; init; }

    /// <summary>The account model's type: subscribed, trial, unqualified_trial or churned.</summary>
    public string? ModelType { get; init; }

    /// <summary>The account owner's user id, as the model computed it.</summary>
    public string? Owner { get; init; }

    /// <summary>Member of this model segment (Settings → Metrics), not an Intercom segment (<see cref="Segment"/>).</summary>
    public string? MemberOf { get; init; }

    /// <summary>This risk or opportunity indicator is active.</summary>
    public string? Indicator { get; init; }

    /// <summary>Every comparison must hold: <c>mrr &gt;= 100</c>, <c>metric:Weekly logins &gt;= 3</c>.</summary>
    public IReadOnlyList<ModelValueFilter> Values { get; init; } = [];

    public AccountSort Sort { get; init; } = AccountSort.Name;

    /// <summary>The element, metric or health score <see cref="AccountSort.Value"/> sorts by.</summary>
    public ModelValue? SortValue { get; init; }

    public bool Descending { get; init; }

    /// <summary>A cursor from a previous page of the same sort and direction.</summary>
    public PageCursor? Cursor { get; init; }

    public int PageSize { get; init; } = PageCursor.DefaultPageSize;

    /// <summary>Counts every matching row too: one more query, as slow as the filters make it.</summary>
    public bool IncludeTotal { get; init; }
}
