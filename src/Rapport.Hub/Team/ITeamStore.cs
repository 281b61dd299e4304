namespace Rapport.Hub.Team;

/// <summary>Teammates and their API tokens.</summary>
public interface ITeamStore
{
    Task<ApiTokenInfo> AddApiTokenAsync(long teammateId, string name, string tokenHash, CancellationToken cancellationToken = default);

    /// <returns>The new teammate; null when a teammate with that email exists.</returns>
    Task<Teammate?> AddTeammateAsync(string email, string name, TeamRole role, string? intercomAdminEmail, string passwordHash, CancellationToken cancellationToken = default);

    Task<int> CountTeammatesAsync(CancellationToken cancellationToken = default);

    Task<Teammate?> FindTeammateAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Emails compare without regard to case.</summary>
    Task<TeammateCredentials?> FindTeammateByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiTokenInfo>> ListApiTokensAsync(long teammateId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Teammate>> ListTeammatesAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the teammate with their sessions and API tokens.</summary>
    Task<bool> RemoveTeammateAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Revokes one of the teammate's own tokens; false when it is not theirs or does not exist.</summary>
    Task<bool> RevokeApiTokenAsync(long teammateId, long tokenId, CancellationToken cancellationToken = default);

    /// <summary>Sets a new password, ending every session of the teammate and changing their security stamp.</summary>
    Task<bool> SetTeammatePasswordAsync(long id, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes name, role and Intercom admin email (not the sign-in email); a new role ends the teammate's sessions and
    /// changes their security stamp. False when there is no such teammate.
    /// </summary>
    Task<bool> UpdateTeammateAsync(long id, string name, TeamRole role, string? intercomAdminEmail, CancellationToken cancellationToken = default);

    /// <summary>The token's owner, stamping the token as used; null for an unknown (or revoked) token.</summary>
    Task<Teammate?> UseApiTokenAsync(string tokenHash, CancellationToken cancellationToken = default);
}
