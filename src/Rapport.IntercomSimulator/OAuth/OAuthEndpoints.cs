using Microsoft.AspNetCore.Http.Extensions;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.OAuth;

/// <summary>
/// Intercom's OAuth flow (not in the OpenAPI spec): the consent page real Intercom serves at
/// app.intercom.com/oauth, served here beside the API, and the code exchange POST /auth/eagle/token
/// (https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth).
/// No bearer token, no rate limit; counted in the stats.
/// </summary>
internal static class OAuthEndpoints
{
    public static void MapOAuth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/oauth", Consent).Public();
        app.MapPost("/oauth", AuthorizeAsync).Public();
        app.MapGet("/oauth/cancel", Cancel).Public();
        app.MapPost("/auth/eagle/token", OAuthTokenExchange.ExchangeAsync).Public();
    }

    private static IResult Consent(HttpContext context, SimulatorRuntime runtime)
    {
        var (clientId, state, redirect, error) = Read(runtime, context.Request.Query);
        if (error is not null) { return OAuthPages.Error(error); }

        var cancel = new QueryBuilder { { "client_id", clientId }, { "redirect_uri", redirect!.AbsoluteUri } };
        if (state is not null) { cancel.Add("state", state); }
        return OAuthPages.Consent(runtime.Options.AppName, SimulatorWorkspace.Name, clientId, state, redirect, "/oauth/cancel" + cancel.ToQueryString());
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, SimulatorRuntime runtime)
    {
        if (!context.Request.HasFormContentType) { return OAuthPages.Error("The authorization form was not submitted."); }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var (clientId, state, redirect, error) = Read(runtime, form);
        if (error is not null) { return OAuthPages.Error(error); }

        return Results.Redirect(WithQuery(redirect!, ("code", runtime.OAuth.IssueCode(clientId)), ("state", state)));
    }

    // RFC 6749 §4.1.2.1: a refusal goes back to the app as error=access_denied, with its state.
    private static IResult Cancel(HttpContext context, SimulatorRuntime runtime)
    {
        var (_, state, redirect, error) = Read(runtime, context.Request.Query);
        return error is not null ? OAuthPages.Error(error) : Results.Redirect(WithQuery(redirect!, ("error", "access_denied"), ("state", state)));
    }

    private static (string ClientId, string? State, Uri? Redirect, string? Error) Read(SimulatorRuntime runtime, IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values)
    {
        var fields = values.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        var clientId = fields.GetValueOrDefault("client_id") ?? "";
        var state = fields.GetValueOrDefault("state") is { Length: > 0 } s ? s : null;
        if (!string.Equals(clientId, runtime.Options.ClientId, StringComparison.Ordinal))
        {
            return (clientId, state, null, clientId.Length == 0 ? "The client_id parameter is missing." : "There is no app with this client_id.");
        }

        var registered = runtime.Redirects.All;
        if (fields.GetValueOrDefault("redirect_uri") is not { Length: > 0 } requested)
        {
            return registered.Count > 0 ? (clientId, state, registered[0], null) : (clientId, state, null, "The app has no redirect URL registered.");
        }

        var match = Uri.TryCreate(requested, UriKind.Absolute, out var uri)
            ? registered.FirstOrDefault(r => string.Equals(r.AbsoluteUri, uri.AbsoluteUri, StringComparison.Ordinal))
            : null;
        return match is not null ? (clientId, state, match, null) : (clientId, state, null, "The redirect_uri is not registered for this app.");
    }

    private static string WithQuery(Uri redirect, params ReadOnlySpan<(string Name, string? Value)> parameters)
    {
        var url = redirect.AbsoluteUri;
        var separator = string.IsNullOrEmpty(redirect.Query) ? '?' : '&';
        var fragmentless = redirect.Fragment.Length > 0 ? url[..^redirect.Fragment.Length] : url;
        var builder = new System.Text.StringBuilder(fragmentless);
        foreach (var (name, value) in parameters)
        {
            if (value is null) { continue; }
            builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return builder.ToString();
    }
}
