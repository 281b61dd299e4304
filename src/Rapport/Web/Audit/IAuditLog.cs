using Rapport.Hub.Team;

namespace Rapport.Web.Audit;

/// <summary>
/// Records who did what in the hub's append-only audit log, read on Settings → Audit log and from
/// <c>GET /api/v1/audit</c>. One call per event, from wherever it happens:
/// <c>await audit.RecordAsync(AuditActions.RoleChanged, "Grace Hopper (grace@example.test)", "Team Member → Leader");</c>
/// The time is the hub's clock; the actor is the teammate signed in on the current request (or <c>actor</c>, for the
/// request that signs them in); the address is the client's.
/// </summary>
/// <remarks>
/// There is no cancellation token on purpose: the event has already happened when it is recorded, so the entry is
/// written even if the request that made it is aborted meanwhile.
/// </remarks>
internal interface IAuditLog
{
    Task RecordAsync(string action, string? subject = null, string? detail = null, Teammate? actor = null);
}
