namespace Rapport.Web;

/// <summary>
/// Errors as each caller reads them: a person's browser gets a page of Rapport's own, with the nav, saying what happened
/// (problem details JSON means nothing to someone who followed a stale link); the REST API, the webhook and the ingest
/// endpoints keep their RFC 9457 problem details.
/// </summary>
internal static class ErrorPages
{
    public const string Path = "/error";

    public static void UseRapportErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = Path, StatusCodeSelector = _ => 500 });
        // Outermost of the two, so it answers only what the page branch left without a body (the API, and any error page
        // that could not be rendered).
        app.UseStatusCodePages();
        app.UseWhen(context => IsBrowserPage(context.Request), pages => pages.UseStatusCodePagesWithReExecute(Path + "/{0}"));
    }

    /// <summary>A browser asking for a page (it accepts HTML), anywhere but the REST API.</summary>
    internal static bool IsBrowserPage(HttpRequest request) =>
        !ApiProblems.IsApi(request) && request.Headers.Accept.Any(value => value?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
}
