namespace Rapport.Hub.Team;

/// <summary>The stored and written names of <see cref="TeamRole"/>: <c>admin</c>, <c>leader</c>, <c>team_member</c>.</summary>
public static class TeamRoles
{
    public static string ToName(this TeamRole role) => role switch
    {
        TeamRole.Admin => "admin",
        TeamRole.Leader => "leader",
        TeamRole.TeamMember => "team_member",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? name, out TeamRole role)
    {
        switch (name?.Trim().Replace(' ', '_').Replace('-', '_').ToLowerInvariant())
        {
            case "admin": role = TeamRole.Admin; return true;
            case "leader": role = TeamRole.Leader; return true;
            case "team_member" or "teammember" or "member": role = TeamRole.TeamMember; return true;
            default: role = default; return false;
        }
    }

    public static TeamRole Parse(string name) =>
        TryParse(name, out var role) ? role : throw new FormatException($"'{name}' is not a role: admin, leader or team_member");

    /// <summary>How a person reads it: Admin, Leader, Team Member.</summary>
    public static string Display(this TeamRole role) => role == TeamRole.TeamMember ? "Team Member" : role.ToString();
}
