using Rapport.Hub.Sources;

namespace Rapport.Storage.Tests.Support;

/// <summary>Source records with plausible defaults; specs change what they are about with <c>with</c>.</summary>
public static class Build
{
    public const string Intercom = "intercom";

    public static readonly DateTimeOffset Start = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    public static SourceCompany Company(string sourceId, string? externalId, string? name = null, string source = Intercom) =>
        new(
            Source: source,
            SourceId: sourceId,
            ExternalId: externalId,
            Name: name ?? $"Company {sourceId}",
            Plan: "Pro",
            MonthlySpend: 1234.50m,
            UserCount: 12,
            SessionCount: 345,
            Size: 50,
            Industry: "Software",
            Website: $"https://{sourceId}.example",
            CreatedAt: Start.AddDays(-300),
            UpdatedAt: Start.AddDays(-1),
            LastSeenAt: Start.AddHours(-5),
            Tags: ["vip", "beta"],
            Segments: ["Active"],
            CustomAttributesJson: """{"mrr": 1234.5, "tier": "gold"}""",
            RawJson: $$"""{"type":"company","id":"{{sourceId}}","company_id":{{(externalId is null ? "null" : $"\"{externalId}\"")}},"name":"Company {{sourceId}}"}""");

    public static CompanyDecision Qualified(SourceCompany company) => new(company, true, null);

    public static CompanyDecision NotQualified(SourceCompany company, string reason) => new(company, false, reason);

    public static SourceContact Contact(string sourceId, string? externalId, params string[] companySourceIds) =>
        new(
            Source: Intercom,
            SourceId: sourceId,
            ExternalId: externalId,
            Email: $"{sourceId}@example.com",
            Name: $"Person {sourceId}",
            CreatedAt: Start.AddDays(-100),
            UpdatedAt: Start.AddDays(-2),
            LastSeenAt: Start.AddMinutes(-30),
            Tags: ["newsletter"],
            CompanySourceIds: companySourceIds,
            CustomAttributesJson: """{"seat": "admin"}""",
            RawJson: $$"""{"type":"contact","id":"{{sourceId}}","role":"user"}""");
}
