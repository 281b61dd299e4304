namespace Rapport.IntercomSimulator.Conversations;

/// <summary>One <c>conversation_part</c>: a comment, a note, or a state change (assignment, open, close, snoozed, …).</summary>
public sealed record SimulatedConversationPart(string Id, string PartType, string? Body, DateTimeOffset CreatedAt, SimulatedAuthor Author)
{
    public IReadOnlyList<SimulatedAttachment> Attachments { get; init; } = [];

    /// <summary>The admin an assignment part assigned to.</summary>
    public string? AssignedToAdminId { get; init; }

    /// <summary>The conversation's state after this part.</summary>
    public string State { get; init; } = "open";
}
