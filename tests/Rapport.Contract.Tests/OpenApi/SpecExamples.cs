using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Rapport.Contract.Tests.OpenApi;

/// <summary>Exchanges made of the spec's own examples: its first request example with each of its response examples.</summary>
internal static class SpecExamples
{
    public static IEnumerable<(string Name, HttpExchange Exchange)> Exchanges(OpenApiContract contract, OperationKey key)
    {
        var item = contract.Document.Paths[key.Template];
        var operation = item.Operations![key.Method];
        var path = string.Join('/', key.Template.Split('/').Select(s => s.StartsWith('{') ? ExampleValue(operation, item, s[1..^1]) : s));
        var requestBody = FirstExample(operation.RequestBody?.Content);
        foreach (var (status, response) in operation.Responses ?? [])
        {
            foreach (var (name, example) in Examples(response.Content))
            {
                var exchange = ExchangeBuilder.Exchange(
                    key.Method.Method,
                    path,
                    int.Parse(status, System.Globalization.CultureInfo.InvariantCulture),
                    example?.ToJsonString() ?? "null",
                    requestBody?.ToJsonString());
                yield return ($"{status} '{name}'", exchange);
            }
        }
    }

    public static IEnumerable<(string Name, IOpenApiSchema Schema, JsonNode Example)> SuccessfulResponses(OpenApiContract contract, OperationKey key)
    {
        var operation = contract.Document.Paths[key.Template].Operations![key.Method];
        foreach (var (status, response) in (operation.Responses ?? []).Where(r => r.Key.StartsWith('2')))
        {
            if (response.Content?.TryGetValue("application/json", out var media) != true || media!.Schema is not { } schema)
            {
                continue;
            }

            foreach (var (name, example) in Examples(response.Content))
            {
                if (example is not null)
                {
                    yield return ($"{status} '{name}'", schema, example);
                }
            }
        }
    }

    private static IEnumerable<(string Name, JsonNode? Value)> Examples(IDictionary<string, IOpenApiMediaType>? content) =>
        (content ?? new Dictionary<string, IOpenApiMediaType>())
            .Where(c => c.Key.Contains("json", StringComparison.Ordinal))
            .SelectMany(c => (c.Value.Examples ?? new Dictionary<string, IOpenApiExample>()).Select(e => (e.Key, e.Value.Value)));

    private static JsonNode? FirstExample(IDictionary<string, IOpenApiMediaType>? content) =>
        Examples(content).Select(e => e.Value).FirstOrDefault();

    private static string ExampleValue(OpenApiOperation operation, IOpenApiPathItem item, string name)
    {
        var parameter = (operation.Parameters ?? []).Concat(item.Parameters ?? [])
            .FirstOrDefault(p => p.In == ParameterLocation.Path && p.Name == name);
        return parameter?.Example switch
        {
            JsonValue value when value.GetValueKind() == JsonValueKind.String => Uri.EscapeDataString(value.GetValue<string>()),
            JsonValue value => value.ToJsonString(),
            _ => parameter?.Schema?.Type is { } type && type.HasFlag(JsonSchemaType.Integer) ? "1" : "abc123",
        };
    }
}
