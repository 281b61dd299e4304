namespace Rapport.Hub.Team;

/// <summary>
/// One sign-in of a teammate: the session cookie names it, and it lasts until it is ended (signing out, its teammate or
/// an Admin ending it, a change to the teammate's password or role, their removal) or goes unused for
/// <see cref="TeammateSessions.IdleLifetime"/>. <see cref="Address"/> and <see cref="UserAgent"/> are what the browser
/// sent when it signed in, so a teammate can tell their sessions apart.
/// </summary>
public sealed record TeammateSession(
    long Id, long TeammateId, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string? Address, string? UserAgent);

/// <summary>A session just started, and the teammate's security stamp at that moment, both carried by its cookie.</summary>
public sealed record StartedSession(long Id, string SecurityStamp);

/// <summary>What a request's cookie is held to: its session's teammate as they are now, and their current security stamp.</summary>
public sealed record SessionCheck(Teammate Teammate, string SecurityStamp);

/// <summary>How long sessions live and how often their last use is written down.</summary>
public static class TeammateSessions
{
    /// <summary>A session unused for this long has ended; the cookie's sliding expiry is the same.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(12);

    /// <summary>
    /// A session's last use is written at most this often, so checking a session on every request stays one indexed read
    /// and a busy page does not turn into a write per request.
    /// </summary>
    public static readonly TimeSpan SeenPrecision = TimeSpan.FromMinutes(1);

    /// <summary>Sessions last seen before this have ended (their cookie expired), allowing for <see cref="SeenPrecision"/>.</summary>
    public static DateTimeOffset EndedBefore(DateTimeOffset now) => now - IdleLifetime - SeenPrecision;

    /// <summary>The most of a user agent kept: enough to tell browsers apart, not a place to store a megabyte.</summary>
    public const int MaxUserAgentLength = 512;
}
