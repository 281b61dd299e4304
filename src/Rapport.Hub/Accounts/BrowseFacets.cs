namespace Rapport.Hub.Accounts;

/// <summary>What the filters of a list offer: values with how many records have them (most first), and custom attribute names.</summary>
/// <param name="Plans">Empty for users.</param>
public sealed record BrowseFacets(
    IReadOnlyList<FacetValue> Tags, IReadOnlyList<FacetValue> Segments, IReadOnlyList<FacetValue> Plans, IReadOnlyList<string> AttributeNames);

public sealed record FacetValue(string Value, long Count);
