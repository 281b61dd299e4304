namespace Rapport.Intercom;

/// <summary>One page of a paged Intercom listing.</summary>
/// <param name="NextCursor">What resumes paging after this page: <c>starting_after</c>, <c>scroll_param</c> or the next page number; null on the last page.</param>
/// <param name="TotalCount">The listing's total, when Intercom reports one.</param>
public sealed record IntercomPage<T>(IReadOnlyList<T> Items, string? NextCursor, int? TotalCount);
