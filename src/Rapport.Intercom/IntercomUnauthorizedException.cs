namespace Rapport.Intercom;

/// <summary>401: the access token is missing, wrong or revoked; or, from the OAuth exchange, the code or the client credentials.</summary>
public sealed class IntercomUnauthorizedException(IntercomErrorDetails details, Uri baseAddress) : IntercomApiException(details)
{
    internal string Refused { get; init; } = "the access token";

    internal string Advice { get; init; } = "check the token and the workspace region";

    public override string Message =>
        $"Intercom at {baseAddress} rejected {Refused} ({ErrorMessage ?? "401 Unauthorized"}): {Advice}.";
}
