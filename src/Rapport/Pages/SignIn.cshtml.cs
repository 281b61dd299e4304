using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Storage;
using Rapport.Web.Auth;

namespace Rapport.Pages;

internal sealed class SignInModel(IHubStore store) : PageModel
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
        var credentials = string.IsNullOrWhiteSpace(Email) ? null : await store.FindTeammateByEmailAsync(Email, cancellationToken);
        // One answer for an unknown email and a wrong password, so the page does not tell which emails exist.
        if (credentials is null || string.IsNullOrEmpty(Password) || !Passwords.Verify(credentials.PasswordHash, Password))
        {
            Error = "That email and password do not match a teammate.";
            return Page();
        }

        if (!await Sessions.SignInAsync(HttpContext, store, credentials.Teammate, cancellationToken))
        {
            // Removed between reading their password and starting the session.
            Error = "That email and password do not match a teammate.";
            return Page();
        }

        return LocalRedirect(SafeReturnUrl());
    }

    private string SafeReturnUrl() => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/";
}
