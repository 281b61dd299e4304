namespace Rapport.IntercomSimulator.Conversations;

/// <summary>The ticket a conversation is (spec <c>ticket</c>): category Customer, Back-office or Tracker.</summary>
public sealed record SimulatedTicket(string Id, string TicketId, string Category, string TypeName, string StateCategory);
