using System.Text.Json.Serialization;

namespace Rapport.Intercom;

/// <summary>
/// A contact's inline reference list (<c>companies</c>, <c>tags</c>, <c>notes</c>):
/// <c>{data:[{id,type,url}], url, total_count, has_more}</c>, at most 10 items inline.
/// </summary>
public sealed record IntercomInlineList
{
    public IReadOnlyList<IntercomInlineRef> Data { get; init; } = [];
    public string? Url { get; init; }
    public int? TotalCount { get; init; }
    public bool HasMore { get; init; }

    [JsonIgnore]
    public IReadOnlyList<string> Ids => [.. Data.Select(item => item.Id)];
}

/// <summary>One inline reference: <c>{id, type, url}</c>.</summary>
public sealed record IntercomInlineRef(string Id, string? Type, string? Url);
