namespace Rapport.Configuration;

/// <summary>
/// Everything a command needs to reach Intercom and the hub, merged from (lowest first) defaults, the config file,
/// environment variables (<c>RAPPORT_*</c>) and command-line flags.
/// </summary>
public sealed record RapportSettings
{
    public const string DefaultDatabase = "rapport.db";

    public string Database { get; init; } = DefaultDatabase;

    /// <summary>Null means the region's host (US by default).</summary>
    public Uri? IntercomUrl { get; init; }

    public string Region { get; init; } = "us";

    public string? Token { get; init; }

    public int LastSeenDays { get; init; } = 90;

    /// <summary>The qualification rule as written in the config file or a flag (text, or JSON for the object form).</summary>
    public string? Qualification { get; init; }

    public bool OnlyWithIds { get; init; }
}
