using Rapport.Application.Import;
using Rapport.Application.Settings;
using Rapport.Hub.Accounts;

namespace Rapport.Web.Integration;

public sealed record IntercomIntegrationDto(
    ConnectionDto? Connection, IntercomIntegrationSettings Settings, DateTimeOffset? ImportEnabledAt, LastSyncDto? LastSync, HubCounts? Counts, SyncStatus Sync)
{
    internal static IntercomIntegrationDto From(IntegrationStatus status) => new(
        status.Connection is { } c ? ConnectionDto.From(c) : null,
        status.Settings,
        status.ImportEnabledAt,
        status.LastRun is { } run ? new LastSyncDto(run.RunId, run.StartedAt, run.FinishedAt, run.Status) : null,
        status.Counts,
        status.Sync);
}

/// <summary>The connected workspace; the token is deliberately absent.</summary>
public sealed record ConnectionDto(string Region, string? WorkspaceName, string? AppId, string? AdminEmail, string Method, string ConnectedBy, DateTimeOffset ConnectedAt)
{
    internal static ConnectionDto From(IntercomConnectionRecord c) => new(c.Region, c.WorkspaceName, c.AppId, c.AdminEmail, c.Method, c.ConnectedBy, c.ConnectedAt);
}

public sealed record LastSyncDto(string RunId, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Status);

public sealed record TokenRequest(string? Region, string? Token);

/// <summary>Values to try; what is left out comes from the stored options. <c>Refresh</c> reads the companies from Intercom again.</summary>
public sealed record PreviewRequest(int? LastSeenDays, string? Qualification, bool Refresh = false);

public sealed record MissingIdDto(string IntercomId, string? Name, string? Email, Uri Link);

public sealed record CheckDto(
    bool Passed, DateTimeOffset RanAt, int CompaniesChecked, int UsersChecked, int LeadsIgnored,
    IReadOnlyList<MissingIdDto> CompaniesWithoutCompanyId, IReadOnlyList<MissingIdDto> UsersWithoutUserId, string CsvUrl)
{
    internal static CheckDto From(IntercomCheck.CheckResult result) => new(
        result.Report.Passed,
        result.RanAt,
        result.Report.CompaniesChecked,
        result.Report.UsersChecked,
        result.Report.LeadsIgnored,
        [.. result.Report.CompaniesWithoutCompanyId.Select(m => new MissingIdDto(m.IntercomId, m.Name, m.Email, result.Connection.CompanyLink(m.IntercomId)))],
        [.. result.Report.UsersWithoutUserId.Select(m => new MissingIdDto(m.IntercomId, m.Name, m.Email, result.Connection.UserLink(m.IntercomId)))],
        "/api/v1/integrations/intercom/check.csv");
}
