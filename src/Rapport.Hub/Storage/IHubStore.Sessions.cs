using Rapport.Hub.Team;

namespace Rapport.Hub.Storage;

/// <summary>
/// Teammates' sessions (see <see cref="TeammateSession"/>). Changing a teammate's password or role also ends their
/// sessions and gives them a new security stamp (<see cref="SetTeammatePasswordAsync"/>, <see cref="UpdateTeammateAsync"/>),
/// and removing them ends their sessions with them.
/// </summary>
public partial interface IHubStore
{
    /// <summary>Starts a session for the teammate, forgetting their sessions that ended by going unused.</summary>
    /// <returns>The session and the stamp its cookie carries; null when there is no such teammate.</returns>
    Task<StartedSession?> StartSessionAsync(long teammateId, string? address, string? userAgent, CancellationToken cancellationToken = default);

    /// <summary>
    /// The teammate of a live session and their security stamp, noting the session as seen (written at most once per
    /// <see cref="TeammateSessions.SeenPrecision"/>); null when the session ended or is not that teammate's.
    /// </summary>
    Task<SessionCheck?> UseSessionAsync(long sessionId, long teammateId, CancellationToken cancellationToken = default);

    /// <summary>The teammate's live sessions, the most recently seen first.</summary>
    Task<IReadOnlyList<TeammateSession>> ListSessionsAsync(long teammateId, CancellationToken cancellationToken = default);

    /// <summary>Ends one of the teammate's sessions; false when it is not theirs or has ended already.</summary>
    Task<bool> EndSessionAsync(long teammateId, long sessionId, CancellationToken cancellationToken = default);

    /// <summary>Ends every session of the teammate but <paramref name="keepSessionId"/> (none kept when null).</summary>
    /// <returns>How many live sessions were ended.</returns>
    Task<int> EndSessionsAsync(long teammateId, long? keepSessionId, CancellationToken cancellationToken = default);
}
