using Rapport.Hub.Messaging;
using Rapport.Application.Messaging;

namespace Rapport.Web.Messaging;

/// <param name="Type">comment (the customer sees it) or note (internal).</param>
/// <param name="AttachmentUrls">Up to 10 http(s) URLs, attached by Intercom.</param>
/// <param name="IdempotencyKey">Send the same key again (a retry) and the reply is queued, and sent, once.</param>
internal sealed record ReplyRequest(string? Body, string? Type, IReadOnlyList<string>? AttachmentUrls, string? IdempotencyKey);

/// <param name="Channel">in_app (a chat in your product) or email.</param>
/// <param name="Subject">Required for email.</param>
/// <param name="AttachmentUrls">Intercom's message endpoint has no attachments: they are refused unless <paramref name="SendAttachmentsAsLinks"/>.</param>
/// <param name="SendAttachmentsAsLinks">Send the attachment URLs as links at the end of the message instead.</param>
internal sealed record MessageRequest(
    string? Channel, string? Subject, string? Body, IReadOnlyList<string>? AttachmentUrls, bool SendAttachmentsAsLinks, string? IdempotencyKey);

/// <param name="Status">queued, sending, sent or failed.</param>
/// <param name="IntercomId">Once sent: the part's id (reply, note) or the message's id.</param>
/// <param name="ConversationId">The conversation replied to, or the one a message opened.</param>
/// <param name="Error">Why it failed (Intercom's refusal), or the last transient problem while it is retried.</param>
/// <param name="HeldUntil">A playbook's send reached inside its recipient's quiet hours: queued, untried, until then.</param>
internal sealed record SendDto(
    long Id, string Kind, string Status, string AdminId, string? ConversationId, string? Channel, string? Subject, string Body,
    IReadOnlyList<string> AttachmentUrls, string? IntercomId, string? Error, int Attempts, DateTimeOffset QueuedAt, DateTimeOffset? SentAt,
    DateTimeOffset? HeldUntil)
{
    public static SendDto From(OutboundSend s) => new(
        s.Id, s.Kind, s.Status, s.AdminId, s.ConversationId, s.Channel, s.Subject, s.Body, s.AttachmentUrls, s.IntercomId, s.Error, s.Attempts,
        s.QueuedAt, s.SentAt, s.HeldUntil);
}

/// <param name="CanSend">The teammate maps to an Intercom admin with an inbox seat.</param>
/// <param name="Reason">Why not, when they cannot.</param>
internal sealed record SeatDto(bool CanSend, string? AdminId, string? AdminName, string? AdminEmail, bool? HasInboxSeat, string? Reason)
{
    public static SeatDto From(SeatCheck seat) =>
        new(seat.CanSend, seat.Admin?.Id, seat.Admin?.Name, seat.Admin?.Email, seat.Admin?.HasInboxSeat, seat.Reason);
}

/// <summary>A message as its recipient would read it.</summary>
internal sealed record PreviewDto(string? Subject, string? Body);
