namespace Rapport.IntercomSimulator.Http;

/// <summary>Endpoint metadata marking a route of the simulated Intercom API (as opposed to the control API).</summary>
internal sealed class ApiRoute
{
    public static readonly ApiRoute Instance = new();
}
