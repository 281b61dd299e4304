using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Rapport.Pages;

/// <summary>
/// The page a browser sees for an error: an unknown address or id (404), a refused request, or a failure (500). Reached by
/// re-executing the request, so a form's POST lands here too; its antiforgery token was already checked (or was what failed).
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel : PageModel
{
    public int Status { get; private set; } = StatusCodes.Status500InternalServerError;

    /// <summary>The address the browser asked for, when this page stands in for it.</summary>
    public string? OriginalPath { get; private set; }

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        OriginalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        Status = status is >= 400 and <= 599 ? status.Value : Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode : Status;
        // Visited directly (a bookmark of /error/404), the page still answers with the status it describes.
        Response.StatusCode = Status;
    }
}
