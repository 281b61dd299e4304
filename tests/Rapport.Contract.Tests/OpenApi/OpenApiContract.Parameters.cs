using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Rapport.Contract.Tests.OpenApi;

internal sealed partial class OpenApiContract
{
    private static void CheckPathParameters(Route route, Sink sink)
    {
        foreach (var parameter in route.Parameters().Where(p => p.In == ParameterLocation.Path))
        {
            if (!route.PathValues.TryGetValue(parameter.Name ?? "", out var value))
            {
                sink.Add($"path {parameter.Name}", "declared in the operation but not in its path template");
            }
            else if (parameter.Schema is { } schema)
            {
                sink.AddAll($"path {parameter.Name}", SchemaValidator.Validate(schema, Coerce(value, schema), SchemaDirection.Request));
            }
        }
    }

    private static void CheckQuery(Route route, HttpExchange exchange, Sink sink)
    {
        var given = ParseQuery(exchange.Query);
        var declared = route.Parameters().Where(p => p.In == ParameterLocation.Query).ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in declared)
        {
            var name = parameter.Name ?? "";
            if (parameter.Schema is { Type: { } type } schema && type.HasFlag(JsonSchemaType.Object) && parameter.Explode)
            {
                // style=form, explode=true: the object's properties are the query parameters (GET /events' filter).
                var names = PropertyNames(schema).ToHashSet(StringComparer.Ordinal);
                known.UnionWith(names);
                var fields = given.Where(g => names.Contains(g.Key)).ToList();
                if (fields.Count == 0 && !parameter.Required)
                {
                    continue;
                }

                var instance = new JsonObject();
                foreach (var (field, values) in fields)
                {
                    instance[field] = JsonValue.Create(values[0]);
                }

                sink.AddAll($"query {name}", SchemaValidator.Validate(schema, JsonSerializer.SerializeToElement(instance), SchemaDirection.Request));
                continue;
            }

            known.Add(name);
            if (!given.TryGetValue(name, out var valuesOfName))
            {
                if (parameter.Required)
                {
                    sink.Add($"query {name}", "required, missing");
                }

                continue;
            }

            CheckValues($"query {name}", valuesOfName, parameter, sink);
        }

        foreach (var (name, values) in given.Where(g => !known.Contains(g.Key)))
        {
            if (UndeclaredQueryParameters.GetValueOrDefault(route.Key)?.GetValueOrDefault(name) is { } schema)
            {
                sink.AddAll($"query {name}", SchemaValidator.Validate(schema, Coerce(values[^1], schema), SchemaDirection.Request));
            }
            else
            {
                sink.Add($"query {name}", "not declared for this operation");
            }
        }
    }

    private static void CheckHeaders(Route route, HttpExchange exchange, Sink sink)
    {
        foreach (var parameter in route.Parameters().Where(p => p.In == ParameterLocation.Header))
        {
            if (exchange.RequestHeader(parameter.Name ?? "") is { } value)
            {
                CheckValues($"header {parameter.Name}", [value], parameter, sink);
            }
            else if (parameter.Required)
            {
                sink.Add($"header {parameter.Name}", "required, missing");
            }
        }
    }

    /// <summary>The spec's only scheme is HTTP bearer, required globally (<c>security: [bearerAuth]</c>).</summary>
    private void CheckSecurity(Route route, HttpExchange exchange, Sink sink)
    {
        var requirements = route.Operation?.Security ?? Document.Security ?? [];
        var needsBearer = requirements.Any(r => r.Keys.Any(s => s.Reference.Id == "bearerAuth"))
            && !requirements.Any(r => r.Count == 0);
        if (!needsBearer)
        {
            return;
        }

        var authorization = exchange.RequestHeader("Authorization");
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length <= 7)
        {
            sink.Add("header Authorization", "expected 'Bearer <token>' (securitySchemes.bearerAuth)");
        }
    }

    private static void CheckValues(string where, IReadOnlyList<string> values, IOpenApiParameter parameter, Sink sink)
    {
        if (parameter.Schema is not { } schema)
        {
            return;
        }

        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Array))
        {
            // style=form: explode=true repeats the name, explode=false joins the values with commas.
            var items = parameter.Explode ? values : [.. values.SelectMany(v => v.Split(','))];
            var array = new JsonArray([.. items.Select(i => (JsonNode?)JsonNode.Parse(Coerce(i, schema.Items ?? schema).GetRawText()))]);
            sink.AddAll(where, SchemaValidator.Validate(schema, JsonSerializer.SerializeToElement(array), SchemaDirection.Request));
            return;
        }

        if (values.Count > 1)
        {
            sink.Add(where, $"given {values.Count} times, declared as a single {schema.Type}");
        }

        sink.AddAll(where, SchemaValidator.Validate(schema, Coerce(values[0], schema), SchemaDirection.Request));
    }

    /// <summary>Reads a text parameter as the JSON value its schema asks for; what does not parse stays a string, and the schema says so.</summary>
    private static JsonElement Coerce(string raw, IOpenApiSchema schema)
    {
        var type = schema.Type ?? JsonSchemaType.String;
        if ((type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
            && decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
        {
            return JsonSerializer.SerializeToElement(number);
        }

        if (type.HasFlag(JsonSchemaType.Boolean) && raw is "true" or "false")
        {
            return JsonSerializer.SerializeToElement(raw == "true");
        }

        return JsonSerializer.SerializeToElement(raw);
    }

    private static Dictionary<string, List<string>> ParseQuery(string query)
    {
        var parsed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var name = Unescape(parts[0]);
            if (!parsed.TryGetValue(name, out var values))
            {
                parsed[name] = values = [];
            }

            values.Add(parts.Length == 2 ? Unescape(parts[1]) : "");
        }

        return parsed;

        static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }

    private static IEnumerable<string> PropertyNames(IOpenApiSchema schema) =>
        (schema.Properties?.Keys ?? Enumerable.Empty<string>())
            .Concat((schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []).SelectMany(PropertyNames));
}
