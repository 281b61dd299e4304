namespace Rapport.IntercomSimulator;

public sealed record SimulatedTag(string Id, string Name);
