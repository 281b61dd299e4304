using System.Globalization;

namespace Rapport.IntercomSimulator.Http;

internal static class Query
{
    public static int Int(HttpContext context, string name, int fallback, int min = 1, int max = int.MaxValue)
    {
        var raw = context.Request.Query[name].ToString();
        if (raw.Length == 0) { return fallback; }
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
            ? Math.Min(value, max)
            : throw ApiException.Invalid($"{name} must be an integer of at least {min}", name);
    }

    public static string? String(HttpContext context, string name) =>
        context.Request.Query[name].ToString() is { Length: > 0 } s ? s : null;

    public static bool Flag(HttpContext context, string name) =>
        string.Equals(context.Request.Query[name].ToString(), "true", StringComparison.OrdinalIgnoreCase);

    public static string Route(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? "";
}
