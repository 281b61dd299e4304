namespace Rapport.Intercom.Messaging;

/// <summary>
/// An admin's reply on a conversation (spec 2.16 <c>admin_reply_conversation_request</c>): a <c>comment</c> the contact sees
/// or an internal <c>note</c>, authored by <see cref="AdminId"/>. Intercom takes up to 10 image URLs as attachments.
/// </summary>
public sealed record IntercomAdminReply
{
    public const int MaxAttachments = 10;

    public required string AdminId { get; init; }

    /// <summary><c>comment</c> or <c>note</c>.</summary>
    public required string MessageType { get; init; }

    public required string Body { get; init; }

    public IReadOnlyList<string> AttachmentUrls { get; init; } = [];
}
