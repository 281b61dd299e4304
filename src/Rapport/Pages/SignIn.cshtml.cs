using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Web.Audit;
using Rapport.Web.Auth;
using Rapport.Hub.Security;

namespace Rapport.Pages;

[PasswordAttempt]
internal sealed class SignInModel(ISignInStore store, SignInGuard guard, IAuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl()) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var attempt = await guard.CheckAsync(Email, Password, cancellationToken);
        // One answer for an unknown email and a wrong password, and the same lock for both, so the page does not tell
        // which emails exist.
        if (attempt.Teammate is not { } teammate)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, Email?.Trim(), attempt.FailureDetail);
            Error = attempt.LockMessage ?? "That email and password do not match a teammate.";
            return Page();
        }

        if (!await Sessions.SignInAsync(HttpContext, store, teammate, cancellationToken))
        {
            // Removed between reading their password and starting the session.
            Error = "That email and password do not match a teammate.";
            return Page();
        }

        await audit.RecordAsync(AuditActions.SignedIn, teammate.Email, actor: teammate);
        return LocalRedirect(SafeReturnUrl());
    }

    private string SafeReturnUrl() => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/";
}
