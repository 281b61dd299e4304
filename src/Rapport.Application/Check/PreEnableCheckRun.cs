using System.Text.Json;
using System.Text.Json.Serialization;
using Rapport.Hub.Sync;

namespace Rapport.Application.Check;

/// <summary>
/// The last pre-enable check run for a hub, whoever ran it (<c>rapport check --database</c>, the first <c>rapport import</c>,
/// the settings page): kept in the hub's sync state so <c>rapport status</c> can say when the workspace was last checked
/// and what it found, without reading Intercom again.
/// </summary>
public sealed record PreEnableCheckRun(
    DateTimeOffset RanAt,
    string RanBy,
    int CompaniesChecked,
    int CompaniesWithoutCompanyId,
    int UsersChecked,
    int UsersWithoutUserId,
    int SharedEmails)
{
    public const string StateKey = "intercom.check.last";

    public bool Passed => CompaniesWithoutCompanyId == 0 && UsersWithoutUserId == 0;

    public static PreEnableCheckRun From(PreEnableReport report, DateTimeOffset ranAt, string ranBy)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(ranAt, ranBy, report.CompaniesChecked, report.CompaniesWithoutCompanyId.Count, report.UsersChecked,
            report.UsersWithoutUserId.Count, report.SharedEmails.Count);
    }

    public static async Task<PreEnableCheckRun?> LoadAsync(ISyncStateStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await store.GetSyncStateAsync(StateKey, cancellationToken).ConfigureAwait(false) is { Length: > 0 } json
            ? JsonSerializer.Deserialize(json, CheckRunJsonContext.Default.PreEnableCheckRun)
            : null;
    }

    public Task SaveAsync(ISyncStateStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.SetSyncStateAsync(StateKey, JsonSerializer.Serialize(this, CheckRunJsonContext.Default.PreEnableCheckRun), cancellationToken);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PreEnableCheckRun))]
internal sealed partial class CheckRunJsonContext : JsonSerializerContext;
