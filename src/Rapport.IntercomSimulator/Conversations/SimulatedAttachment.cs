namespace Rapport.IntercomSimulator.Conversations;

/// <summary>A <c>part_attachment</c>'s metadata; the file itself is never served.</summary>
public sealed record SimulatedAttachment(string Name, string Url, string ContentType, long Filesize, int? Width = null, int? Height = null);
