using System.Text.Json;
using Rapport.Hub.Sources;
using Rapport.Hub.Accounts;

namespace Rapport.Web.Accounts;

/// <param name="Next">The URL of the next page, null on the last.</param>
/// <param name="NextCursor">The cursor inside <paramref name="Next"/>, for clients that build their own URLs.</param>
/// <param name="Total">Every matching row, when asked for with total=true.</param>
public sealed record PageDto<T>(T[] Items, string? Next, string? Previous, string? NextCursor, string? PreviousCursor, long? Total);

/// <param name="Mrr">The account model's MRR, type and overall health (0–10); null before the model computed the account.</param>
public sealed record AccountItemDto(
    long Id, string ExternalId, string? Name, string Status, string? StatusReason, string? Plan, decimal? MonthlySpend, long UserCount,
    DateTimeOffset? LastSeenAt, DateTimeOffset? CreatedAt, string[] Tags, decimal? Mrr, string? Currency, string? Type, decimal? Health)
{
    public static AccountItemDto From(AccountRow r) => new(
        r.Id.Value, r.ExternalId, r.Name, StatusNames.Of(r.Status), r.StatusReason, r.Plan, r.MonthlySpend, r.UserCount, r.LastSeenAt, r.CreatedAt, [.. r.Tags],
        r.Mrr, r.Currency, r.ModelType, r.Health);
}

/// <param name="Sources">The account's records in its sources (Intercom's company), with every field, the custom attributes and the raw object.</param>
/// <param name="Users">Up to 100 of its users, by name; <paramref name="UserCount"/> says how many it has (list them all with /api/v1/users?account=id).</param>
/// <param name="Unified">Name, plan, monthly spend, website, industry and size, each from the source its precedence ranks first.</param>
public sealed record AccountDto(
    long Id, string ExternalId, string? Name, string Status, string? StatusReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    CompanyRecordDto[] Sources, UserItemDto[] Users, long UserCount, UnifiedFieldDto[] Unified)
{
    public static AccountDto From(AccountDetail a, SourcePrecedence precedence) => new(
        a.Id.Value, a.ExternalId, a.Name, StatusNames.Of(a.Status), a.StatusReason, a.CreatedAt, a.UpdatedAt,
        [.. a.Sources.Select(CompanyRecordDto.From)], [.. a.Users.Select(UserItemDto.From)], a.UserCount, UnifiedFieldDto.Of(a, precedence));
}

/// <param name="SourceId">The source's own id: Intercom's company <c>id</c>.</param>
/// <param name="UserCount">Intercom's own count of the company's users.</param>
public sealed record CompanyRecordDto(
    string Source, string SourceId, string? ExternalId, string? Name, string? Plan, decimal? MonthlySpend, long? UserCount, long? SessionCount,
    long? Size, string? Industry, string? Website, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, DateTimeOffset? LastSeenAt,
    string[] Tags, string[] Segments, JsonElement CustomAttributes, JsonElement Raw, bool Qualified, string? Reason)
{
    public static CompanyRecordDto From(CompanyDecision d) => From(d.Company, d.Qualified, d.Reason);

    private static CompanyRecordDto From(SourceCompany c, bool qualified, string? reason) => new(
        c.Source, c.SourceId, c.ExternalId, c.Name, c.Plan, c.MonthlySpend, c.UserCount, c.SessionCount, c.Size, c.Industry, c.Website,
        c.CreatedAt, c.UpdatedAt, c.LastSeenAt, [.. c.Tags], [.. c.Segments], Json(c.CustomAttributesJson), Json(c.RawJson), qualified, reason);

    internal static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

public sealed record UserItemDto(
    long Id, string ExternalId, string? Name, string? Email, string Status, string? StatusReason, long AccountCount, DateTimeOffset? LastSeenAt,
    DateTimeOffset CreatedAt, string[] Tags)
{
    public static UserItemDto From(UserRow u) => new(
        u.Id.Value, u.ExternalId, u.Name, u.Email, StatusNames.Of(u.Status), u.StatusReason, u.AccountCount, u.LastSeenAt, u.CreatedAt, [.. u.Tags]);
}

public sealed record UserDto(
    long Id, string ExternalId, string? Name, string? Email, string Status, string? StatusReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    ContactRecordDto[] Sources, AccountLinkDto[] Accounts)
{
    public static UserDto From(UserDetail u) => new(
        u.Id.Value, u.ExternalId, u.Name, u.Email, StatusNames.Of(u.Status), u.StatusReason, u.CreatedAt, u.UpdatedAt,
        [.. u.Sources.Select(ContactRecordDto.From)], [.. u.Accounts.Select(a => new AccountLinkDto(a.Id.Value, a.ExternalId, a.Name, StatusNames.Of(a.Status)))]);
}

/// <param name="SourceId">The source's own id: Intercom's contact <c>id</c>.</param>
public sealed record ContactRecordDto(
    string Source, string SourceId, string? Email, string? Name, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, DateTimeOffset? LastSeenAt,
    string[] Tags, string[] Segments, JsonElement CustomAttributes, JsonElement Raw)
{
    public static ContactRecordDto From(ContactRecord c) => new(
        c.Source, c.SourceId, c.Email, c.Name, c.CreatedAt, c.UpdatedAt, c.LastSeenAt, [.. c.Tags], [.. c.Segments],
        CompanyRecordDto.Json(c.CustomAttributesJson), CompanyRecordDto.Json(c.RawJson));
}

public sealed record AccountLinkDto(long Id, string ExternalId, string? Name, string Status);

/// <param name="Plans">Accounts only.</param>
public sealed record FacetsDto(FacetDto[] Tags, FacetDto[] Segments, FacetDto[] Plans, string[] AttributeNames)
{
    public static FacetsDto From(BrowseFacets f) => new(
        [.. f.Tags.Select(FacetDto.From)], [.. f.Segments.Select(FacetDto.From)], [.. f.Plans.Select(FacetDto.From)], [.. f.AttributeNames]);
}

public sealed record FacetDto(string Value, long Count)
{
    public static FacetDto From(FacetValue f) => new(f.Value, f.Count);
}

internal static class StatusNames
{
    public static string Of(Hub.Accounts.RecordStatus status) => status == Hub.Accounts.RecordStatus.Active ? "active" : "inactive";
}
