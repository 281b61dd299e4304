namespace Rapport.Intercom;

/// <summary>The <c>ticket</c> a conversation is (spec 2.16 <c>ticket</c>, subset): <see cref="Category"/> Customer, Back-office or Tracker.</summary>
public sealed record IntercomConversationTicket
{
    public string? Id { get; init; }
    public string? TicketId { get; init; }
    public string? Category { get; init; }
}
