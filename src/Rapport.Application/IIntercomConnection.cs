using Rapport.Intercom;

namespace Rapport.Application;

/// <summary>
/// The hub's Intercom connection as the jobs and workers use it: whether there is one, which workspace, and a client for it.
/// The host decides where it comes from (the web app keeps a token connected on its settings page), so the same jobs run
/// wherever the hub is served.
/// </summary>
public interface IIntercomConnection
{
    /// <summary>The connected workspace, or null when Intercom is not connected.</summary>
    Task<IntercomWorkspace?> WorkspaceAsync(CancellationToken cancellationToken);

    /// <summary>A client for the connection, or null when Intercom is not connected; the same one until the connection changes.</summary>
    Task<IntercomClient?> ClientAsync(CancellationToken cancellationToken);
}

/// <param name="Key">Changes whenever the connection does (a new token, another workspace): caches of what Intercom said are tied to it.</param>
/// <param name="AppId">Intercom's <c>app.id_code</c>, which webhooks name their workspace by.</param>
public sealed record IntercomWorkspace(string Key, string? AppId);
