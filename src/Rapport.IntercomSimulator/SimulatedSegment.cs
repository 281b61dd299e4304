namespace Rapport.IntercomSimulator;

/// <summary>A segment; <paramref name="PersonType"/> is "user" or "contact" (leads) as in the spec's enum.</summary>
public sealed record SimulatedSegment(string Id, string Name, string PersonType, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
