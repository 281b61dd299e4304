namespace Rapport.Web;

/// <summary>RFC 9457 problem details for the REST API, written the same way by every part of the app.</summary>
internal static class ApiProblems
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api/v1") || request.Path.StartsWithSegments("/openapi");

    public static Task WriteAsync(HttpContext context, int status, string detail) =>
        Results.Problem(detail: detail, statusCode: status).ExecuteAsync(context);
}
