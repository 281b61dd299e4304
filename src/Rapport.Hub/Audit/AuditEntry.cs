namespace Rapport.Hub.Audit;

/// <summary>
/// One thing a person (or Rapport itself) did, as the audit log keeps it: written once, never changed or removed.
/// </summary>
/// <param name="Action">What was done, a dotted name such as <c>teammate.role_changed</c>.</param>
/// <param name="Actor">Who did it as they were then (a removed teammate's entries keep their name); null for an anonymous
/// visitor (a failed sign-in) or Rapport itself.</param>
/// <param name="Address">The client's IP address; null outside a request.</param>
/// <param name="Subject">What it was done to, as a person reads it: "Grace Hopper (grace@example.test)", a token's name, the email tried.</param>
/// <param name="Detail">How: "Team Member → Leader", "version 4".</param>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Action, AuditActor? Actor, string? Address, string? Subject, string? Detail);

/// <summary>A teammate as an audit entry names them; <paramref name="Id"/> stays even after the teammate is removed.</summary>
public sealed record AuditActor(long? Id, string Name, string? Email);

/// <summary>An entry to append; the store gives it its id and time.</summary>
public sealed record NewAuditEntry(string Action, AuditActor? Actor, string? Address, string? Subject, string? Detail);
