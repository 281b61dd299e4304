namespace Rapport.IntercomSimulator;

/// <summary>How the simulated Intercom workspace is generated and how the fake API behaves.</summary>
public sealed class SimulatorOptions
{
    public int Companies { get; init; } = 2000;

    public int Contacts { get; init; } = 20000;

    public int Seed { get; init; } = 1;

    /// <summary>The only bearer token the API accepts.</summary>
    public string AccessToken { get; init; } = "sim_token";

    /// <summary>Null = unthrottled. Enforced per 10-second window as limit/6, as Intercom does
    /// (https://developers.intercom.com/docs/references/rest-api/errors/rate-limiting).</summary>
    public int? RateLimitPerMinute { get; init; } = 10_000;

    public TimeSpan ScrollExpiry { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>UNVERIFIED for real Intercom, hence configurable.</summary>
    public int ScrollPageSize { get; init; } = 50;

    /// <summary>POST /companies/list stops at 10,000 companies (spec description of the operation).</summary>
    public int ListCap { get; init; } = 10_000;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
