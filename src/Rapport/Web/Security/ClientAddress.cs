namespace Rapport.Web.Security;

/// <summary>
/// The client's IP address as Rapport records and throttles it: the connection's, or X-Forwarded-For's when it came
/// through a trusted proxy (see <see cref="TrustedProxies"/>); an IPv4 client on a dual-stack socket reads as IPv4.
/// </summary>
internal static class ClientAddress
{
    public static string? Of(HttpContext? context) =>
        context?.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : null;
}
