namespace Rapport.Hub.Sources;

/// <summary>A source company and whether it qualifies for import now; <paramref name="Reason"/> says why not.</summary>
public sealed record CompanyDecision(SourceCompany Company, bool Qualified, string? Reason);
