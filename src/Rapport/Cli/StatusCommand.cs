using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;
using Rapport.Storage;
using Rapport.Application.Check;
using Rapport.Web.Retention;
using Spectre.Console;
using Rapport.Hub.Accounts;
using Rapport.Hub.Retention;
using Rapport.Hub.Segment;
using Rapport.Hub.Sync;

namespace Rapport.Cli;

/// <summary>
/// <c>rapport status</c>: what the hub holds, how the last imports went, the last pre-enable check, where Segment's inbox
/// stands, and how big the database is.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("status", "Show the hub's counts and its last imports");
        common.AddTo(command, intercom: false);
        command.SetAction((result, cancellationToken) => UserErrors.RunAsync(async () =>
        {
            var settings = common.Read(result);
            await using var hub = await CommandServices.OpenAsync(settings.Database, TimeProvider.System, cancellationToken);
            var browse = hub.GetRequiredService<IBrowseStore>();
            var syncState = hub.GetRequiredService<ISyncStateStore>();
            var retention = hub.GetRequiredService<IRetentionStore>();
            var counts = await browse.CountAsync(cancellationToken);
            var console = AnsiConsole.Console;
            console.MarkupLineInterpolated($"Accounts: {counts.ActiveAccounts:N0} active, {counts.InactiveAccounts:N0} inactive · Users: {counts.ActiveUsers:N0} active, {counts.InactiveUsers:N0} inactive · Memberships: {counts.Memberships:N0}");
            var table = new Table().Border(TableBorder.Simple).AddColumn("run").AddColumn("started").AddColumn("finished").AddColumn("status");
            foreach (var run in await syncState.ListImportRunsAsync(10, cancellationToken))
                table.AddRow(run.RunId[..8], run.StartedAt.ToString("u"), run.FinishedAt?.ToString("u") ?? "", run.Status);
            console.Write(table);
            if (await PreEnableCheckRun.LoadAsync(syncState, cancellationToken) is { } check)
            {
                console.MarkupLineInterpolated(
                    $"Last pre-enable check: {check.RanAt:u} ({check.RanBy}): {check.CompaniesChecked:N0} companies and {check.UsersChecked:N0} users checked, {check.CompaniesWithoutCompanyId:N0} companies without company_id, {check.UsersWithoutUserId:N0} users without user_id, {check.SharedEmails:N0} shared emails");
            }

            if (await hub.GetRequiredService<ISegmentStore>().CountSegmentInboxAsync(cancellationToken) is { Received: > 0 } segment)
            {
                console.MarkupLineInterpolated(
                    $"Segment: {segment.Received:N0} calls received, {segment.Applied:N0} applied, {segment.Pending:N0} pending, {segment.KeptAside:N0} anonymous kept for their identify");
                if (segment.SetAside > 0 || segment.Discarded > 0)
                {
                    console.MarkupLineInterpolated(
                        $"  [yellow]{segment.SetAside:N0} set aside after failing[/] (retry or discard on Settings → Integrations → Segment), {segment.Discarded:N0} discarded");
                }
            }

            console.WriteLine($"Database: {StorageText.Size(await retention.MeasureAsync(cancellationToken))}");
            console.WriteLine(StorageText.Retention(TimeSpan.FromDays(settings.InboxRetentionDays), await retention.CountPrunedAsync(cancellationToken)));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
