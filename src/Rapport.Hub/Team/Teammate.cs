namespace Rapport.Hub.Team;

/// <summary>
/// A person who signs in to Rapport. <see cref="IntercomAdminEmail"/> maps the teammate to an Intercom admin (a seat):
/// replies and new conversations are sent as that admin.
/// </summary>
public sealed record Teammate(long Id, string Email, string Name, TeamRole Role, string? IntercomAdminEmail, DateTimeOffset CreatedAt);

/// <summary>A teammate with the hash of their password, as the store keeps it; only sign-in reads it.</summary>
public sealed record TeammateCredentials(Teammate Teammate, string PasswordHash);

/// <summary>A personal API token as listed: the secret itself is shown once, at creation, and stored only as a hash.</summary>
public sealed record ApiTokenInfo(long Id, long TeammateId, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
