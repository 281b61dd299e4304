namespace Rapport.Intercom;

/// <summary>
/// The message that started a conversation (spec 2.16 <c>conversation_source</c>). <see cref="DeliveredAs"/> and
/// <see cref="Type"/> tell inbound conversations from Intercom-initiated emails and posts (see
/// <c>conversation_source</c>'s <c>delivered_as</c> in the same spec).
/// </summary>
public sealed record IntercomConversationSource
{
    /// <summary>conversation, email, push, facebook, … (description-only in 2.16).</summary>
    public string? Type { get; init; }

    public string? Id { get; init; }

    /// <summary>customer_initiated, automated, campaigns_initiated, admin_initiated or operator_initiated.</summary>
    public string? DeliveredAs { get; init; }

    public string? Subject { get; init; }
    public string? Body { get; init; }
    public IntercomAuthor? Author { get; init; }
    public IReadOnlyList<IntercomAttachment> Attachments { get; init; } = [];
    public string? Url { get; init; }
    public bool? Redacted { get; init; }
}
