using Rapport.Hub.Team;

namespace Rapport.Hub.Security;

/// <summary>Teammates' sessions and failed sign-ins. Changing a teammate's password or role also ends their sessions (see
/// <see cref="Team.ITeamStore"/>). Failed sign-ins are counted per email, whether or not a teammate has it, so that a lock
/// says nothing about which emails exist; emails compare without regard to case or surrounding spaces.</summary>
public interface ISignInStore
{
    /// <summary>Ends one of the teammate's sessions; false when it is not theirs or has ended already.</summary>
    Task<bool> EndSessionAsync(long teammateId, long sessionId, CancellationToken cancellationToken = default);

    /// <summary>Ends every session of the teammate but <paramref name="keepSessionId"/> (none kept when null).</summary>
    /// <returns>How many live sessions were ended.</returns>
    Task<int> EndSessionsAsync(long teammateId, long? keepSessionId, CancellationToken cancellationToken = default);

    /// <summary>The teammate's live sessions, the most recently seen first.</summary>
    Task<IReadOnlyList<TeammateSession>> ListSessionsAsync(long teammateId, CancellationToken cancellationToken = default);

    /// <summary>Starts a session for the teammate, forgetting their sessions that ended by going unused.</summary>
    /// <returns>The session and the stamp its cookie carries; null when there is no such teammate.</returns>
    Task<StartedSession?> StartSessionAsync(long teammateId, string? address, string? userAgent, CancellationToken cancellationToken = default);

    /// <summary>
    /// The teammate of a live session and their security stamp, noting the session as seen (written at most once per
    /// <see cref="TeammateSessions.SeenPrecision"/>); null when the session ended or is not that teammate's.
    /// </summary>
    Task<SessionCheck?> UseSessionAsync(long sessionId, long teammateId, CancellationToken cancellationToken = default);

    /// <summary>A successful sign-in starts the count afresh.</summary>
    Task ClearFailedSignInsAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Until when the email is locked; null when it is not locked now.</summary>
    Task<DateTimeOffset?> FindSignInLockAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Counts a failed sign-in; returns until when the email is locked when this failure locks it, else null.</summary>
    Task<DateTimeOffset?> RecordFailedSignInAsync(string email, SignInLockPolicy policy, CancellationToken cancellationToken = default);
}
