using Rapport.Application.Accounts;
using Rapport.Application.Events;
using Rapport.Application.Import;
using Rapport.Application.Settings;
using Rapport.Web.Audit;
using Rapport.Hub.Accounts;
using Rapport.Hub.Sync;

namespace Rapport.Web.Integration;

/// <summary>
/// The integration's rules in one place, shared by the settings page and the REST API: option dependencies, and the
/// pre-enable check that must pass (or "import only what has ids" be ticked) before Import users and companies is
/// enabled the first time.
/// </summary>
internal sealed class IntercomIntegration(
    AccountDirectory accounts, ISyncStateStore syncState, IntercomConnections connections, IntercomCheck check, IntercomSyncJob sync, IAuditLog audit, TimeProvider timeProvider)
{
    public async Task<IntegrationStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var connection = await connections.CurrentAsync(cancellationToken);
        var settings = await IntercomIntegrationSettings.LoadAsync(syncState, cancellationToken);
        var enabledAt = await syncState.GetSyncStateAsync(IntercomIntegrationSettings.EnabledKey, cancellationToken) is { } text
            ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : (DateTimeOffset?)null;
        var lastRun = (await syncState.ListImportRunsAsync(1, cancellationToken)).FirstOrDefault();
        var counts = settings.ImportUsersAndCompanies ? await accounts.CountAsync(cancellationToken) : null;
        return new IntegrationStatus(connection, settings, settings.ImportUsersAndCompanies ? enabledAt : null, lastRun, counts, sync.Status, await check.LastAsync(cancellationToken));
    }

    public async Task<SaveOutcome> SaveAsync(IntercomIntegrationSettings settings, CancellationToken cancellationToken)
    {
        var problems = settings.Validate();
        if (problems.Count > 0)
            return new SaveOutcome(false, problems, null);

        IntercomCheck.CheckResult? ran = null;
        if (settings.ImportUsersAndCompanies && await syncState.GetSyncStateAsync(IntercomIntegrationSettings.EnabledKey, cancellationToken) is null)
        {
            ran = await check.RunAsync(cancellationToken);
            if (ran is null)
                return new SaveOutcome(false, ["Connect Intercom before enabling Import users and companies: the pre-enable check has to read the workspace first."], null);
            if (!ran.Report.Passed && !settings.OnlyWithIds)
                return new SaveOutcome(false, [CheckRefusal(ran)], ran);
            await syncState.SetSyncStateAsync(IntercomIntegrationSettings.EnabledKey, timeProvider.GetUtcNow().ToString("O"), cancellationToken);
        }

        await EventImport.RecordAsync(syncState, await IntercomIntegrationSettings.LoadAsync(syncState, cancellationToken), settings, timeProvider.GetUtcNow(), cancellationToken);
        await settings.SaveAsync(syncState, cancellationToken);
        await audit.RecordAsync(AuditActions.IntercomOptionsSaved, null, Summary(settings));
        return new SaveOutcome(true, [], ran);
    }

    public static string CheckRefusal(IntercomCheck.CheckResult result) =>
        $"Import users and companies was not enabled: the pre-enable check found {result.Report.CompaniesWithoutCompanyId.Count} companies without company_id " +
        $"and {result.Report.UsersWithoutUserId.Count} users without user_id. Set them in Intercom and save again, or tick \"Import only what has ids\".";

    // The options as the audit log reads them, in the settings page's order.
    private static string Summary(IntercomIntegrationSettings s) => string.Join("; ", new[]
    {
        $"import users and companies {OnOff(s.ImportUsersAndCompanies)}{(s.OnlyWithIds ? " (only what has ids)" : "")}",
        $"event data {OnOff(s.ImportEvents)}",
        $"update Intercom companies {OnOff(s.UpdateCompanies)}",
        $"last seen within {s.LastSeenDays} days",
        string.IsNullOrWhiteSpace(s.Qualification) ? "no qualification rules" : $"rules: {s.Qualification.Trim()}",
    });

    private static string OnOff(bool on) => on ? "on" : "off";
}

internal sealed record IntegrationStatus(
    IntercomConnectionRecord? Connection,
    IntercomIntegrationSettings Settings,
    DateTimeOffset? ImportEnabledAt,
    ImportRunRecord? LastRun,
    HubCounts? Counts,
    SyncStatus Sync,
    IntercomCheck.CheckResult? LastCheck);

internal sealed record SaveOutcome(bool Saved, IReadOnlyList<string> Problems, IntercomCheck.CheckResult? Check);
