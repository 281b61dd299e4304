using System.Security.Claims;
using Rapport.Hub.Audit;
using Rapport.Hub.Team;
using Rapport.Web.Auth;
using Rapport.Web.Security;

namespace Rapport.Web.Audit;

/// <summary>The <see cref="IAuditLog"/> of the web app: the current request says who and from where.</summary>
internal sealed class AuditLog(IAuditStore store, IHttpContextAccessor http) : IAuditLog
{
    public Task RecordAsync(string action, string? subject = null, string? detail = null, Teammate? actor = null)
    {
        var context = http.HttpContext;
        var who = actor is not null ? new AuditActor(actor.Id, actor.Name, actor.Email) : Of(context?.User);
        return store.AppendAuditEntryAsync(new NewAuditEntry(action, who, ClientAddress.Of(context), subject, detail), CancellationToken.None);
    }

    private static AuditActor? Of(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && user.Identity.Name is { } name
            ? new AuditActor(user.TeammateId(), name, user.FindFirstValue(ClaimTypes.Email))
            : null;
}
