namespace Rapport.Intercom.OAuth;

/// <summary>
/// What POST /auth/eagle/token returns: a bearer token for the workspace that authorized the app. Intercom documents no
/// refresh token and no expiry (Intercom's "Setting up OAuth" page). <see cref="ToString"/> leaves the token out, so
/// logging the record is safe.
/// </summary>
public sealed record IntercomOAuthToken(string AccessToken, string TokenType)
{
    public override string ToString() => $"{nameof(IntercomOAuthToken)} {{ {nameof(TokenType)} = {TokenType}, {nameof(AccessToken)} = (redacted) }}";
}

/// <summary>The response body: <c>token</c> and <c>access_token</c> carry the same value.</summary>
internal sealed record IntercomOAuthTokenWire(string? TokenType, string? Token, string? AccessToken);
