namespace Rapport.Intercom;

/// <summary>A <c>part_attachment</c>'s metadata (the file stays at <see cref="Url"/>).</summary>
public sealed record IntercomAttachment
{
    public string? Type { get; init; }
    public string? Name { get; init; }
    public string? Url { get; init; }
    public string? ContentType { get; init; }
    public long? Filesize { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
}
