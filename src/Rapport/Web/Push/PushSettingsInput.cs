using Rapport.Application.Push;
using Rapport.Application.Settings;
using Rapport.Hub.Sync;

namespace Rapport.Web.Push;

/// <summary>The push's settings as the page and the API take them: the switch (kept with the integration's options) and the rest.</summary>
public sealed record PushSettingsInput
{
    /// <summary>"Update Intercom companies with account data"; needs Import users and companies.</summary>
    public bool Enabled { get; init; }

    public string Prefix { get; init; } = PushSettings.DefaultPrefix;

    public bool MonthlySpend { get; init; } = true;

    public bool ArchiveStale { get; init; }

    public int ScheduleMinutes { get; init; } = PushSettings.Default.ScheduleMinutes;

    public static async Task<PushSettingsInput> LoadAsync(ISyncStateStore store, CancellationToken cancellationToken)
    {
        var push = await PushSettings.LoadAsync(store, cancellationToken);
        var integration = await IntercomIntegrationSettings.LoadAsync(store, cancellationToken);
        return new PushSettingsInput
        {
            Enabled = integration.UpdateCompanies,
            Prefix = push.Prefix,
            MonthlySpend = push.MonthlySpend,
            ArchiveStale = push.ArchiveStale,
            ScheduleMinutes = push.ScheduleMinutes,
        };
    }

    /// <summary>Saves both parts, or nothing: every problem is returned, each naming the setting.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(ISyncStateStore store, CancellationToken cancellationToken)
    {
        var integration = await IntercomIntegrationSettings.LoadAsync(store, cancellationToken) with { UpdateCompanies = Enabled };
        var push = new PushSettings { Prefix = (Prefix ?? "").Trim(), MonthlySpend = MonthlySpend, ArchiveStale = ArchiveStale, ScheduleMinutes = ScheduleMinutes };
        var problems = integration.Validate().Concat(push.Validate()).ToList();
        if (problems.Count > 0)
            return problems;
        await push.SaveAsync(store, cancellationToken);
        await integration.SaveAsync(store, cancellationToken);
        return [];
    }
}
