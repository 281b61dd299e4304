using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Audit;
using Rapport.Web.Audit;
using Rapport.Web.Auth;

namespace Rapport.Pages.Settings;

/// <summary>Settings → Audit log: who did what, newest first, a page at a time (Admins only).</summary>
[Authorize(Policy = TeamClaims.AdminPolicy)]
internal sealed class AuditModel(IAuditStore store) : PageModel
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>The cursor of the next (older) page; null on the last.</summary>
    public long? Older { get; private set; }

    public bool IsFirstPage { get; private set; }

    public int Limit { get; private set; }

    public async Task OnGetAsync(long? cursor, int? limit, CancellationToken cancellationToken)
    {
        Limit = Math.Clamp(limit ?? AuditApi.DefaultLimit, 1, AuditApi.MaxLimit);
        (Entries, Older) = await AuditApi.PageAsync(store, cursor, Limit, cancellationToken);
        IsFirstPage = cursor is null;
    }

    public string Link(long? cursor) => cursor is { } c ? $"/settings/audit?cursor={c}&limit={Limit}" : $"/settings/audit?limit={Limit}";

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
