namespace Rapport.IntercomSimulator.Http;

internal static class ApiRouteExtensions
{
    public static RouteHandlerBuilder Api(this RouteHandlerBuilder builder) => builder.WithMetadata(ApiRoute.Instance);

    public static RouteHandlerBuilder Public(this RouteHandlerBuilder builder) => builder.WithMetadata(PublicRoute.Instance);
}
