namespace Rapport.Intercom;

/// <summary>
/// One <c>conversation_part</c> (spec 2.16). <see cref="PartType"/> has no enum: comment, note, quick_reply, assignment, open,
/// close, snoozed, … — treat unknown values as system events.
/// </summary>
public sealed record IntercomConversationPart
{
    public string Id { get; init; } = "";
    public string? PartType { get; init; }

    /// <summary>HTML (plain text in webhooks since 2.15); null for state changes.</summary>
    public string? Body { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset? NotifiedAt { get; init; }
    public IntercomInlineRef? AssignedTo { get; init; }
    public IntercomAuthor? Author { get; init; }
    public IReadOnlyList<IntercomAttachment> Attachments { get; init; } = [];
    public string? ExternalId { get; init; }
    public bool? Redacted { get; init; }

    /// <summary>The conversation's state after this part.</summary>
    public string? State { get; init; }
}
