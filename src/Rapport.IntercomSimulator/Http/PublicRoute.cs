namespace Rapport.IntercomSimulator.Http;

/// <summary>Endpoint metadata marking an Intercom route that needs no bearer token and has no rate limit (the OAuth flow).</summary>
internal sealed class PublicRoute
{
    public static readonly PublicRoute Instance = new();
}
