namespace Rapport.Hub.Accounts;

/// <summary>One page of a list; <paramref name="Next"/> and <paramref name="Previous"/> are null at the ends.</summary>
/// <param name="Total">Every matching row, when it was asked for.</param>
public sealed record BrowsePage<T>(IReadOnlyList<T> Rows, PageCursor? Next, PageCursor? Previous, long? Total);
