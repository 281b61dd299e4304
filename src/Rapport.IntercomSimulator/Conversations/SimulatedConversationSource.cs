namespace Rapport.IntercomSimulator.Conversations;

/// <summary>The <c>conversation_source</c>: the message that started the conversation.</summary>
/// <param name="Type">conversation, email, push, … (spec 2.16 <c>conversation_source</c>).</param>
/// <param name="DeliveredAs">customer_initiated, automated, campaigns_initiated, admin_initiated or operator_initiated.</param>
public sealed record SimulatedConversationSource(
    string Id,
    string Type,
    string DeliveredAs,
    string Subject,
    string Body,
    SimulatedAuthor Author,
    IReadOnlyList<SimulatedAttachment> Attachments)
{
    public string? Url { get; init; }
}
