using Rapport.Hub.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Configuration;
using Rapport.Hub.Rules;
using Rapport.Intercom;
using Rapport.Storage;
using Rapport.Application.Check;
using Rapport.Application.Events;
using Rapport.Application.Import;
using Rapport.Application.Model;
using Rapport.Application.Settings;
using Spectre.Console;
using Rapport.Hub.Sync;

namespace Rapport.Cli;

/// <summary>
/// Enabling and running the import, shared by <c>rapport import</c> and <c>rapport demo</c>: the first time, the
/// pre-enable check must pass (or the user accepts importing only what has ids); after that, each run is incremental.
/// </summary>
internal sealed class ImportWorkflow(IAnsiConsole console, TimeProvider timeProvider)
{
    /// <summary>
    /// Where the first run's check writes every record it finds, printing only their counts; null: the check prints its
    /// tables, as <c>rapport import</c> shows them.
    /// </summary>
    public string? CheckCsvPath { get; init; }

    /// <summary>False when the caller saves the account model itself after the import and computes it then (the demo).</summary>
    public bool RecomputeModel { get; init; } = true;

    public async Task<int> RunAsync(RapportSettings settings, bool full, CancellationToken cancellationToken)
    {
        var options = new ImportOptions
        {
            LastSeenDays = settings.LastSeenDays,
            Qualification = ParseRule(settings.Qualification),
            OnlyWithIds = settings.OnlyWithIds,
            Full = full,
            Conversations = settings.Conversations,
            Patience = settings.ImportPatience,
        };
        await using var hub = await CommandServices.OpenAsync(settings.Database, timeProvider, cancellationToken);
        var store = hub.GetRequiredService<ISyncStateStore>();
        // A server on the same hub may be syncing or sweeping: two importers would write the same records through the same checkpoints.
        await using var hold = await store.TryHoldJobAsync(HubJob.IntercomSync, cancellationToken);
        if (hold is null)
        {
            Console.Error.WriteLine("rapport: import not started: a sync or sweep is running in another Rapport process on this hub (a server, or another import); run it again when that has finished");
            return ExitCodes.Error;
        }

        await using var connection = IntercomConnection.Build(settings, timeProvider);
        var intercom = connection.GetRequiredService<IntercomClient>();

        if (await store.GetSyncStateAsync(IntercomIntegrationSettings.EnabledKey, cancellationToken) is null)
        {
            console.Write(new Rule("Pre-enable check"));
            var report = await ProgressView.RunAsync(console, progress => new PreEnableCheck(intercom).RunAsync(progress, cancellationToken));
            if (CheckCsvPath is { } csv)
                await CheckView.WriteCountsAsync(console, report, csv, cancellationToken);
            else
                CheckView.Write(console, report);
            await PreEnableCheckRun.From(report, timeProvider.GetUtcNow(), "rapport import").SaveAsync(store, cancellationToken);
            if (!report.Passed && !options.OnlyWithIds)
            {
                Console.Error.WriteLine("rapport: import not enabled: fix the ids above in Intercom, or pass --only-with-ids to import only what has them");
                return ExitCodes.CheckFailed;
            }
            await store.SetSyncStateAsync(IntercomIntegrationSettings.EnabledKey, timeProvider.GetUtcNow().ToString("O"), cancellationToken);
        }

        console.Write(new Rule("Import"));
        var summary = await ProgressView.RunAsync(console, progress => hub.GetRequiredService<Func<IntercomClient, ImportOptions, IntercomImporter>>()(intercom, options).RunAsync(progress, cancellationToken));
        SummaryView.Write(console, summary);
        await TurnOnImportOptionAsync(store, settings, cancellationToken);
        if (RecomputeModel)
            await ImportRecompute.RunAsync(console, hub.GetRequiredService<IBrowseStore>(), hub.GetRequiredService<AccountModelService>(), cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The hub now holds imported users and companies, so its settings say so, as saving "Import users and companies" on the
    /// settings page would: with this run's only-with-ids choice, window and rules, so a server's sync and sweep on the hub
    /// import what this run did, and the options that need it (the push, event import) can be turned on.
    /// </summary>
    private async Task TurnOnImportOptionAsync(ISyncStateStore store, RapportSettings settings, CancellationToken cancellationToken)
    {
        var before = await IntercomIntegrationSettings.LoadAsync(store, cancellationToken);
        if (before.ImportUsersAndCompanies)
            return;
        var after = before with
        {
            ImportUsersAndCompanies = true,
            OnlyWithIds = settings.OnlyWithIds,
            LastSeenDays = settings.LastSeenDays,
            Qualification = string.IsNullOrWhiteSpace(settings.Qualification) ? null : settings.Qualification,
        };
        // A window or rule the page would refuse (a window over ten years) is left for the page to set; the option still turns on.
        if (after.Validate().Count > 0)
            after = before with { ImportUsersAndCompanies = true, OnlyWithIds = settings.OnlyWithIds };
        await EventImport.RecordAsync(store, before, after, timeProvider.GetUtcNow(), cancellationToken);
        await after.SaveAsync(store, cancellationToken);
    }

    /// <summary>The config file holds either the text form or the JSON object form of a rule.</summary>
    internal static Condition? ParseRule(string? rule) =>
        string.IsNullOrWhiteSpace(rule) ? null
        : rule.TrimStart().StartsWith('{') ? Condition.FromJson(rule)
        : Condition.Parse(rule);
}
