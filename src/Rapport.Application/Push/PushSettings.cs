using System.Text.Json;
using Rapport.Intercom;
using Rapport.Hub.Sync;

namespace Rapport.Application.Push;

/// <summary>
/// How account data is pushed onto Intercom. Whether it is pushed at all is
/// <see cref="Settings.IntercomIntegrationSettings.UpdateCompanies"/> (it needs the import of users and companies).
/// Stored as JSON in the hub's sync state under <see cref="StateKey"/>.
/// </summary>
public sealed record PushSettings
{
    public const string StateKey = "intercom.push.settings";

    public const string DefaultPrefix = "Rapport";

    /// <summary>Starts every attribute name: <c>Rapport Type</c>; <c>Vitally</c> keeps the names a team migrating from Vitally already uses.</summary>
    public string Prefix { get; init; } = DefaultPrefix;

    /// <summary>Sets the company's standard <c>monthly_spend</c> to the account's MRR.</summary>
    public bool MonthlySpend { get; init; } = true;

    /// <summary>Archives, through Intercom's data attributes API, attributes Rapport pushed before and no longer produces.</summary>
    public bool ArchiveStale { get; init; }

    /// <summary>Minutes between scheduled pushes (0 = only after recomputes and on demand).</summary>
    public int ScheduleMinutes { get; init; } = 60;

    public static PushSettings Default { get; } = new();

    /// <summary>Every bad value, each message naming the setting; empty when the settings can be saved.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (IntercomDataAttributeNames.Problem(Prefix) is { } problem)
            problems.Add($"The attribute prefix cannot be used as the start of an Intercom attribute name: {problem}.");
        else if (Prefix.Length > 60)
            problems.Add($"The attribute prefix is {Prefix.Length} characters long; keep it to 60 at most.");
        if (ScheduleMinutes is < 0 or > 10_080)
            problems.Add($"The push schedule must be between 0 (off) and 10080 minutes (a week); it is {ScheduleMinutes}.");
        return problems;
    }

    public string ToJson() => JsonSerializer.Serialize(this, PushJsonContext.Default.PushSettings);

    public static async Task<PushSettings> LoadAsync(ISyncStateStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var json = await store.GetSyncStateAsync(StateKey, cancellationToken).ConfigureAwait(false);
        return json is null ? Default : JsonSerializer.Deserialize(json, PushJsonContext.Default.PushSettings) ?? Default;
    }

    public Task SaveAsync(ISyncStateStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.SetSyncStateAsync(StateKey, ToJson(), cancellationToken);
    }
}
