using Rapport.IntercomSimulator.Companies;
using Rapport.IntercomSimulator.Faults;
using Rapport.IntercomSimulator.OAuth;
using Rapport.IntercomSimulator.RateLimiting;

namespace Rapport.IntercomSimulator;

/// <summary>Everything a request handler needs, registered once in the server's container.</summary>
internal sealed class SimulatorRuntime(SimulatorOptions options, SimulatorWorkspace workspace)
{
    public SimulatorOptions Options { get; } = options;

    public SimulatorWorkspace Workspace { get; } = workspace;

    public SimulatorStats Stats { get; } = new();

    public RateLimitWindow RateLimit { get; } = new(options.TimeProvider, options.RateLimitPerMinute);

    public FaultInjector Faults { get; } = new();

    public CompanyScrolls Scrolls { get; } = new(options.TimeProvider, options.ScrollExpiry);

    public OAuthGrants OAuth { get; } = new(options.TimeProvider, options.OAuthCodeLifetime);

    public OAuthRedirects Redirects { get; } = new(options.RedirectUris);

    public TimeProvider Time => Options.TimeProvider;
}
