using Rapport.Application.Sync;
using Rapport.Application.Push;

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

    public static async Task<PushSettingsInput> LoadAsync(SyncSettings settings, CancellationToken cancellationToken)
    {
        var push = await settings.PushAsync(cancellationToken);
        var integration = await settings.IntercomAsync(cancellationToken);
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
    public async Task<IReadOnlyList<string>> SaveAsync(SyncSettings settings, CancellationToken cancellationToken)
    {
        var integration = await settings.IntercomAsync(cancellationToken) with { UpdateCompanies = Enabled };
        var push = new PushSettings { Prefix = (Prefix ?? "").Trim(), MonthlySpend = MonthlySpend, ArchiveStale = ArchiveStale, ScheduleMinutes = ScheduleMinutes };
        var problems = integration.Validate().Concat(push.Validate()).ToList();
        if (problems.Count > 0)
            return problems;
        await settings.SavePushAsync(push, cancellationToken);
        await settings.SaveIntercomAsync(integration, cancellationToken);
        return [];
    }
}
