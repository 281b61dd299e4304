using System.Text.Json;
using Rapport.Intercom.Http;
using Rapport.Intercom.Json;

namespace Rapport.Intercom.OAuth;

/// <summary>
/// The public-app OAuth flow (Intercom's "Setting up OAuth" page,
/// https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth): send the user
/// to <see cref="BuildAuthorizeUrl(Uri, string, string, Uri?)"/>, then trade the <c>code</c> Intercom sends to the
/// redirect URL for a token with <see cref="ExchangeCodeAsync"/>. Get it from DI
/// (<see cref="IntercomServiceCollectionExtensions.AddRapportIntercomOAuth"/>). Apart from <see cref="IntercomClient"/>
/// because /auth/eagle/token is not in the REST API spec and needs no token.
/// </summary>
public sealed class IntercomOAuth
{
    internal const string Endpoint = "POST /auth/eagle/token";

    private readonly HttpClient _http;

    internal IntercomOAuth(HttpClient http) => _http = http;

    /// <summary>https://app.intercom.com/oauth, the same for every region.</summary>
    public static Uri DefaultAuthorizeBase { get; } = new("https://app.intercom.com/oauth");

    /// <summary>
    /// <c>{authorizeBase}?client_id=…&amp;state=…[&amp;redirect_uri=…]</c>. Scopes are not URL parameters (they are set on the
    /// app's Authentication page); without <paramref name="redirectUri"/> Intercom uses the app's first registered one.
    /// </summary>
    public static Uri BuildAuthorizeUrl(Uri authorizeBase, string clientId, string state, Uri? redirectUri = null)
    {
        ArgumentNullException.ThrowIfNull(authorizeBase);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(state);
        if (!authorizeBase.IsAbsoluteUri) { throw new ArgumentException("The authorize base must be an absolute URL.", nameof(authorizeBase)); }

        var query = $"client_id={Uri.EscapeDataString(clientId)}&state={Uri.EscapeDataString(state)}";
        if (redirectUri is not null) { query += $"&redirect_uri={Uri.EscapeDataString(redirectUri.AbsoluteUri)}"; }

        var builder = new UriBuilder(authorizeBase);
        builder.Query = builder.Query.Length > 1 ? $"{builder.Query[1..]}&{query}" : query;
        return builder.Uri;
    }

    /// <summary>The same against <see cref="DefaultAuthorizeBase"/>.</summary>
    public static Uri BuildAuthorizeUrl(string clientId, string state, Uri? redirectUri = null) =>
        BuildAuthorizeUrl(DefaultAuthorizeBase, clientId, state, redirectUri);

    /// <summary>
    /// POST <c>{apiBase}auth/eagle/token</c>, form-encoded. <paramref name="code"/> is sent exactly as received: Intercom's codes can
    /// end in '=' and a trimmed one is refused. Not retried: a code is single-use, so a retry after a lost answer could only fail.
    /// A refused code or client is an <see cref="IntercomUnauthorizedException"/>; neither the secret nor the token ever appears
    /// in an exception.
    /// </summary>
    public async Task<IntercomOAuthToken> ExchangeCodeAsync(Uri apiBase, string code, string clientId, string clientSecret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apiBase);
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        if (!apiBase.IsAbsoluteUri) { throw new ArgumentException("The API base must be an absolute URL.", nameof(apiBase)); }

        var baseAddress = apiBase.AbsoluteUri.EndsWith('/') ? apiBase : new Uri(apiBase.AbsoluteUri + "/");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "auth/eagle/token"))
        {
            Content = new FormUrlEncodedContent([new("code", code), new("client_id", clientId), new("client_secret", clientSecret)]),
        };

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = await IntercomErrors.ReadAsync(response, Endpoint, baseAddress, cancellationToken).ConfigureAwait(false);
                throw error is IntercomUnauthorizedException unauthorized
                    ? new IntercomUnauthorizedException(Details(unauthorized), baseAddress) { Refused = "the OAuth code exchange", Advice = "the code may be used, expired or altered, or the client id or secret wrong" }
                    : error;
            }

            return Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException exception)
        {
            throw new IntercomUnreachableException(baseAddress, $"{Endpoint} got no answer within {_http.Timeout.TotalSeconds:0.#} s", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new IntercomUnreachableException(baseAddress, $"{Endpoint}: {exception.Message}", exception);
        }
        catch (IOException exception)
        {
            throw new IntercomUnreachableException(baseAddress, $"{Endpoint}: the connection broke while reading the response ({exception.Message})", exception);
        }
    }

    private static IntercomErrorDetails Details(IntercomApiException error) =>
        new(error.StatusCode, error.Endpoint, error.ErrorCode, error.ErrorMessage, error.RequestId, error.Body);

    // The body holds the token: no parser message (which may quote it) goes into the exception.
    private static IntercomOAuthToken Parse(byte[] body)
    {
        IntercomOAuthTokenWire? wire;
        try
        {
            wire = JsonSerializer.Deserialize(body, IntercomJsonContext.Default.IntercomOAuthTokenWire);
        }
        catch (JsonException)
        {
            throw new IntercomInvalidResponseException(Endpoint, "the body is not the expected JSON object");
        }

        var token = wire?.AccessToken is { Length: > 0 } accessToken ? accessToken : wire?.Token;
        return token is { Length: > 0 }
            ? new IntercomOAuthToken(token, wire!.TokenType ?? "Bearer")
            : throw new IntercomInvalidResponseException(Endpoint, "no access_token in the response");
    }
}
