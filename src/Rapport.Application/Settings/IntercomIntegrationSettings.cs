using System.Text.Json;
using System.Text.Json.Serialization;
using Rapport.Hub.Rules;
using Rapport.Application.Import;
using Rapport.Hub.Sync;

namespace Rapport.Application.Settings;

/// <summary>
/// The settings of the Intercom integration (Settings → Integrations → Intercom): Import users and companies; Import
/// event data and Update Intercom companies with account data both need it. With Import users and companies off, only
/// conversations come in (matched by email). Stored as JSON in the hub's sync state under <see cref="StateKey"/>.
/// </summary>
public sealed record IntercomIntegrationSettings
{
    public const string StateKey = "intercom.settings";

    /// <summary>The key the CLI and the web app share: set once the pre-enable check passed (or only what has ids was accepted).</summary>
    public const string EnabledKey = "intercom.import.enabled_at";

    public const int MaxLastSeenDays = 3650;

    /// <summary>"Import users and companies".</summary>
    public bool ImportUsersAndCompanies { get; init; }

    /// <summary>"Import event data" (needs Import users and companies).</summary>
    public bool ImportEvents { get; init; }

    /// <summary>"Update Intercom companies with account data" (needs Import users and companies).</summary>
    public bool UpdateCompanies { get; init; }

    /// <summary>Companies last seen longer ago than this are not imported (90 days by default).</summary>
    public int LastSeenDays { get; init; } = 90;

    /// <summary>Qualification rules in the rule language's text form; null or blank = every company seen within the window.</summary>
    public string? Qualification { get; init; }

    /// <summary>Import what has ids even though the pre-enable check found records without them.</summary>
    public bool OnlyWithIds { get; init; }

    public static IntercomIntegrationSettings Default { get; } = new();

    /// <summary>Every broken dependency and bad value, each message naming the rule; empty when the settings can be saved.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ImportEvents && !ImportUsersAndCompanies)
            problems.Add("Import event data needs Import users and companies: without it Rapport cannot tell which user an event belongs to.");
        if (UpdateCompanies && !ImportUsersAndCompanies)
            problems.Add("Update Intercom companies with account data needs Import users and companies: without it no Intercom company is linked to an account.");
        if (LastSeenDays is < 1 or > MaxLastSeenDays)
            problems.Add($"The last-seen window must be between 1 and {MaxLastSeenDays} days (it is {LastSeenDays}).");
        if (RuleError() is { } error)
            problems.Add($"The qualification rules do not parse: {error}");
        return problems;
    }

    /// <summary>The parse error of <see cref="Qualification"/>, or null when it parses (or is blank).</summary>
    public string? RuleError()
    {
        try
        {
            _ = ParseRule(Qualification);
            return null;
        }
        catch (FormatException error)
        {
            return error.Message;
        }
        catch (JsonException error)
        {
            return error.Message;
        }
    }

    /// <summary>What the importer runs with; throws when the rules do not parse (call <see cref="Validate"/> first).</summary>
    public ImportOptions ToImportOptions(bool full = false) => new()
    {
        LastSeenDays = LastSeenDays,
        Qualification = ParseRule(Qualification),
        OnlyWithIds = OnlyWithIds,
        Full = full,
    };

    /// <summary>The text form, or the JSON object form a config file may hold.</summary>
    public static Condition? ParseRule(string? rule) =>
        string.IsNullOrWhiteSpace(rule) ? null
        : rule.TrimStart().StartsWith('{') ? Condition.FromJson(rule)
        : Condition.Parse(rule);

    public string ToJson() => JsonSerializer.Serialize(this, SettingsJsonContext.Default.IntercomIntegrationSettings);

    public static IntercomIntegrationSettings FromJson(string json) =>
        JsonSerializer.Deserialize(json, SettingsJsonContext.Default.IntercomIntegrationSettings) ?? Default;

    public static async Task<IntercomIntegrationSettings> LoadAsync(ISyncStateStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var json = await store.GetSyncStateAsync(StateKey, cancellationToken).ConfigureAwait(false);
        return json is null ? Default : FromJson(json);
    }

    public Task SaveAsync(ISyncStateStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.SetSyncStateAsync(StateKey, ToJson(), cancellationToken);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IntercomIntegrationSettings))]
internal sealed partial class SettingsJsonContext : JsonSerializerContext;
