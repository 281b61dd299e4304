namespace Rapport.IntercomSimulator;

public sealed record SimulatedAdmin(string Id, string Name, string Email, string JobTitle, bool HasInboxSeat, bool AwayModeEnabled);
