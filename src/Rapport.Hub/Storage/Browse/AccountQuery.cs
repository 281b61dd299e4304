namespace Rapport.Hub.Storage.Browse;

/// <param name="Search">A prefix of the name or of the external id, compared without regard to (ASCII) case.</param>
public sealed record AccountQuery
{
    public string? Search { get; init; }

    public StatusFilter Status { get; init; } = StatusFilter.Active;

    public string? Tag { get; init; }

    public string? Segment { get; init; }

    public string? Plan { get; init; }

    public AttributeFilter? Attribute { get; init; }

    public AccountSort Sort { get; init; } = AccountSort.Name;

    public bool Descending { get; init; }

    /// <summary>A cursor from a previous page of the same sort and direction.</summary>
    public PageCursor? Cursor { get; init; }

    public int PageSize { get; init; } = PageCursor.DefaultPageSize;

    /// <summary>Counts every matching row too: one more query, as slow as the filters make it.</summary>
    public bool IncludeTotal { get; init; }
}
