using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Web.Audit;
using Rapport.Web.Auth;
using Rapport.Hub.Security;

namespace Rapport.Pages;

[AllowAnonymous]
internal sealed class SignOutModel(ISignInStore store, IAuditLog audit) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    // Ends the session itself, not only this browser's cookie: a copy of the cookie stops working too.
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
            await audit.RecordAsync(AuditActions.SignedOut);
        await Sessions.SignOutAsync(HttpContext, store, cancellationToken);
        return Redirect("/signin");
    }
}
