using Rapport.Hub.Conversations;

namespace Rapport.Web.Conversations;

/// <param name="Id">The source's conversation id, as in <c>/conversations/{id}</c>.</param>
/// <param name="Preview">The title, else the subject, else the first message's first line, as plain text.</param>
/// <param name="DeletedAt">Set when the conversation was deleted in Intercom (kept in the hub).</param>
/// <param name="StoredParts">Parts kept by the hub; with <paramref name="PartsTruncated"/> the source held older ones it no longer returns.</param>
internal sealed record ConversationItemDto(
    string Source, string Id, string? State, bool? Open, string? SourceType, string? DeliveredAs, bool BotInitiated,
    string Preview, int? PartCount, int StoredParts, bool PartsTruncated, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt,
    IReadOnlyList<string> UserExternalIds, DateTimeOffset? DeletedAt)
{
    public static ConversationItemDto From(ConversationHeader c) => new(
        c.Source, c.SourceId, c.State, c.Open, c.SourceType, c.DeliveredAs, c.BotInitiated, PreviewOf(c), c.PartCount, c.StoredParts,
        c.PartsTruncated, c.CreatedAt, c.UpdatedAt, c.UserExternalIds, c.DeletedAt);

    /// <summary>Chats have no title or subject: the first message's first line names them; the id only when nothing was said.</summary>
    public static string PreviewOf(ConversationHeader c) =>
        ConversationText.FirstLine(c.Title) is { Length: > 0 } title ? title
        : ConversationText.FirstLine(c.Subject) is { Length: > 0 } subject ? subject
        : ConversationText.FirstLine(c.Opening) is { Length: > 0 } opening ? opening
        : $"Conversation {c.SourceId}";
}

internal sealed record ConversationDto(ConversationItemDto Conversation, IReadOnlyList<ConversationPartDto> Parts)
{
    public static ConversationDto From(ConversationView view) =>
        new(ConversationItemDto.From(view.Conversation), [.. view.Parts.Select(ConversationPartDto.From)]);
}

/// <param name="Body">The body as the source sent it (HTML: sanitise before showing it).</param>
/// <param name="Text">The body as plain text.</param>
/// <param name="AuthorKind">user, lead, admin, bot or team.</param>
internal sealed record ConversationPartDto(
    string Id, string? PartType, string? AuthorKind, string? AuthorId, string? AuthorName, string? AuthorEmail,
    DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, string? Body, string Text, IReadOnlyList<AttachmentDto> Attachments)
{
    public static ConversationPartDto From(ConversationPart p) => new(
        p.PartId, p.PartType, p.AuthorKind, p.AuthorId, p.AuthorName, p.AuthorEmail, p.CreatedAt, p.UpdatedAt, p.Body,
        ConversationText.ToText(p.Body), ConversationText.Attachments(p.AttachmentsJson));
}

/// <param name="Url">Null unless an http(s) link.</param>
internal sealed record AttachmentDto(string Name, string? Url, string? ContentType);
