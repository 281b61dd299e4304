using System.IO.Pipelines;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;

namespace Rapport.Web.Api;

/// <summary>
/// Refuses a query parameter an endpoint does not take with a 400 naming it, so a misspelt or unsupported filter
/// (<c>?plna=Pro</c>) never quietly answers with every row. What an endpoint takes is read once, when its handler is
/// built, from the handler's parameters by the rules minimal APIs bind them with: <c>[FromQuery]</c> names,
/// <c>[AsParameters]</c> members, and plain parsable parameters that are not route values. The OpenAPI document is
/// generated from the same parameters, so the two cannot disagree.
/// </summary>
internal static class KnownQueryParameters
{
    private static readonly HashSet<Type> BoundByTheFramework =
    [
        typeof(HttpContext), typeof(HttpRequest), typeof(HttpResponse), typeof(CancellationToken), typeof(ClaimsPrincipal),
        typeof(IFormFile), typeof(IFormFileCollection), typeof(IFormCollection), typeof(Stream), typeof(PipeReader),
    ];

    public static TBuilder RefuseUnknownQueryParameters<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(Create);

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in context.MethodInfo.GetParameters())
            Collect(parameter.ParameterType, parameter.Name, parameter, names, services);

        return invocation =>
        {
            var http = invocation.HttpContext;
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern;
            foreach (var key in http.Request.Query.Keys)
            {
                // A name bound from the route is never read from the query string, even if the handler has it.
                if (!names.Contains(key) || route?.GetParameter(key) is not null)
                    return ValueTask.FromResult<object?>(Unknown(key, names, route));
            }

            return next(invocation);
        };
    }

    private static void Collect(Type type, string? name, ICustomAttributeProvider member, SortedSet<string> names, IServiceProviderIsService? services)
    {
        var attributes = member.GetCustomAttributes(inherit: true);
        if (attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } query)
        {
            names.Add(query.Name ?? name ?? "");
            return;
        }

        if (attributes.OfType<AsParametersAttribute>().Any())
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
                Collect(property.PropertyType, property.Name, property, names, services);
            return;
        }

        if (attributes.Any(a => a is IFromRouteMetadata or IFromHeaderMetadata or IFromBodyMetadata or IFromFormMetadata or IFromServiceMetadata or FromKeyedServicesAttribute))
            return;
        if (name is not null && !BoundByTheFramework.Contains(type) && services?.IsService(type) != true && IsParsable(type))
            names.Add(name);
    }

    /// <summary>What minimal APIs bind from a route value or the query string: strings and anything with a static TryParse, alone or in an array.</summary>
    private static bool IsParsable(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray)
            type = type.GetElementType()!;
        return type == typeof(string) || type == typeof(StringValues) || type.IsEnum
            || type.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name == "TryParse" && m.GetParameters().FirstOrDefault()?.ParameterType == typeof(string));
    }

    private static IResult Unknown(string key, SortedSet<string> names, RoutePattern? route)
    {
        var taken = names.Where(n => route?.GetParameter(n) is null).ToList();
        var detail = taken.Count == 0
            ? $"'{key}' is not a parameter of this endpoint: it takes no query parameters."
            : $"'{key}' is not a parameter of this endpoint: it takes {string.Join(", ", taken)}.";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: $"Bad parameter: {key}",
            extensions: new Dictionary<string, object?> { ["parameter"] = key });
    }
}
