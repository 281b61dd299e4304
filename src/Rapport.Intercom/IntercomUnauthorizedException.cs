namespace Rapport.Intercom;

/// <summary>401: the access token is missing, wrong or revoked.</summary>
public sealed class IntercomUnauthorizedException(IntercomErrorDetails details, Uri baseAddress) : IntercomApiException(details)
{
    public override string Message =>
        $"Intercom at {baseAddress} rejected the access token ({ErrorMessage ?? "401 Unauthorized"}): check the token and the workspace region.";
}
