using System.Text.Encodings.Web;

namespace Rapport.IntercomSimulator.OAuth;

/// <summary>The server-rendered pages of app.intercom.com/oauth, reduced to what a browser test needs: no JavaScript.</summary>
internal static class OAuthPages
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static IResult Consent(string appName, string workspaceName, string clientId, string? state, Uri redirectUri, string cancelHref) => Page(
        StatusCodes.Status200OK,
        $"Authorize {appName}",
        $"""
        <h1>Authorize {E(appName)} to access {E(workspaceName)}</h1>
        <p>{E(appName)} will be able to read and change your workspace's users, companies and conversations.</p>
        <form method="post" action="/oauth">
          <input type="hidden" name="client_id" value="{E(clientId)}">
          <input type="hidden" name="state" value="{E(state ?? "")}">
          <input type="hidden" name="redirect_uri" value="{E(redirectUri.AbsoluteUri)}">
          <button type="submit" id="authorize">Authorize</button>
          <a href="{E(cancelHref)}" id="cancel">Cancel</a>
        </form>
        """);

    public static IResult Error(string message) => Page(
        StatusCodes.Status400BadRequest,
        "Authorization failed",
        $"""
        <h1>Something went wrong</h1>
        <p id="error">{E(message)}</p>
        """);

    private static IResult Page(int status, string title, string body) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>{E(title)} | Intercom simulator</title></head>
        <body>
        {body}
        </body>
        </html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);

    private static string E(string text) => Html.Encode(text);
}
