namespace Rapport.Hub.Team;

/// <summary>
/// What a teammate may do. Admins manage teammates and every setting; Leaders manage settings (integrations, events,
/// metrics); Team Members work with accounts, users and conversations.
/// </summary>
public enum TeamRole
{
    Admin,
    Leader,
    TeamMember,
}
