using System.Text.Json;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.OAuth;

/// <summary>POST /auth/eagle/token: <c>code</c>, <c>client_id</c>, <c>client_secret</c>, form-encoded (the docs' Ruby example) or JSON.</summary>
internal static class OAuthTokenExchange
{
    public static async Task<IResult> ExchangeAsync(HttpContext context, SimulatorRuntime runtime)
    {
        var (code, clientId, clientSecret) = await ReadAsync(context);
        if (code is null) { throw new ApiException(400, "parameter_not_found", "code is required", "code"); }
        if (clientId is null) { throw new ApiException(400, "parameter_not_found", "client_id is required", "client_id"); }
        if (clientSecret is null) { throw new ApiException(400, "parameter_not_found", "client_secret is required", "client_secret"); }

        var options = runtime.Options;
        if (!string.Equals(clientId, options.ClientId, StringComparison.Ordinal) || !string.Equals(clientSecret, options.ClientSecret, StringComparison.Ordinal))
        {
            throw new ApiException(401, "unauthorized", "Unauthorized Client");
        }

        var (outcome, token) = runtime.OAuth.Exchange(code, clientId);
        if (outcome != OAuthGrants.Outcome.Exchanged)
        {
            throw new ApiException(401, "unauthorized", "Unauthorized Code");
        }

        return JsonBody.Create(w =>
        {
            w.WriteStartObject();
            w.WriteString("token_type", "Bearer");
            w.WriteString("token", token);
            w.WriteString("access_token", token);
            w.WriteEndObject();
        });
    }

    private static async Task<(string? Code, string? ClientId, string? ClientSecret)> ReadAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return (Field(form["code"]), Field(form["client_id"]), Field(form["client_secret"]));
        }

        var body = await RequestJson.ReadObjectAsync(context, optional: true);
        return body.ValueKind == JsonValueKind.Object
            ? (Empty(body.OptionalString("code")), Empty(body.OptionalString("client_id")), Empty(body.OptionalString("client_secret")))
            : (null, null, null);
    }

    private static string? Field(Microsoft.Extensions.Primitives.StringValues value) => Empty(value.ToString());

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
