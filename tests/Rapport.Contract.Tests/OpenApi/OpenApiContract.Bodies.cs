using Microsoft.OpenApi;

namespace Rapport.Contract.Tests.OpenApi;

internal sealed partial class OpenApiContract
{
    private static void CheckRequestBody(Route route, HttpExchange exchange, Sink sink)
    {
        var body = exchange.RequestBody;
        var hasBody = !string.IsNullOrWhiteSpace(body);
        if (route.Operation?.RequestBody is not { } declared)
        {
            if (hasBody)
            {
                sink.Add("body", $"sent {body!.Length} characters, but the operation declares no request body");
            }

            return;
        }

        if (!hasBody)
        {
            if (declared.Required)
            {
                sink.Add("body", "required, missing");
            }

            return;
        }

        CheckBody(declared.Content, exchange.RequestHeader("Content-Type"), body!, SchemaDirection.Request, sink);
    }

    private void CheckResponse(Route route, HttpExchange exchange, Sink sink)
    {
        var status = exchange.StatusCode;
        var responses = route.Operation?.Responses ?? [];
        var declared = responses.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? responses.GetValueOrDefault($"{status / 100}XX")
            ?? responses.GetValueOrDefault("default");
        var body = exchange.ResponseBody;
        var hasBody = !string.IsNullOrWhiteSpace(body);
        if (declared is null)
        {
            if (IsDocumentedForEveryEndpoint(status))
            {
                CheckErrorBody(exchange, sink);
            }
            else
            {
                sink.Add("status", $"not declared for this operation (declared: {string.Join(", ", responses.Keys)})");
            }

            return;
        }

        if (declared.Content is not { Count: > 0 } content)
        {
            if (hasBody)
            {
                sink.Add("body", $"got {body!.Length} characters, but the response declares no body");
            }

            return;
        }

        if (!hasBody)
        {
            sink.Add("body", $"missing; the response declares {string.Join(" or ", content.Keys)}");
            return;
        }

        CheckBody(content, exchange.ResponseHeader("Content-Type"), body!, SchemaDirection.Response, sink);
    }

    private void CheckErrorBody(HttpExchange exchange, Sink sink)
    {
        var errorContent = new Dictionary<string, IOpenApiMediaType>
        {
            ["application/json"] = new OpenApiMediaType { Schema = ErrorSchema },
        };
        if (string.IsNullOrWhiteSpace(exchange.ResponseBody))
        {
            sink.Add("body", "missing; an error list (components.schemas.error) is expected");
            return;
        }

        CheckBody(errorContent, exchange.ResponseHeader("Content-Type"), exchange.ResponseBody, SchemaDirection.Response, sink);
    }

    private static void CheckBody(
        IDictionary<string, IOpenApiMediaType>? content,
        string? contentType,
        string body,
        SchemaDirection direction,
        Sink sink)
    {
        var mediaType = contentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        var declared = content ?? new Dictionary<string, IOpenApiMediaType>();
        var match = mediaType is null ? null : declared.FirstOrDefault(d => MediaTypeMatches(d.Key, mediaType)).Value;
        if (match is null)
        {
            sink.Add("header Content-Type", $"'{contentType}' is not declared (declared: {string.Join(", ", declared.Keys)})");
            return;
        }

        if (!mediaType!.Contains("json", StringComparison.Ordinal) || match.Schema is not { } schema)
        {
            return;
        }

        if (!TryParseJson(body, out var json, out var error))
        {
            sink.Add("body", $"not valid JSON: {error}");
            return;
        }

        using (json)
        {
            sink.AddAll("", SchemaValidator.Validate(schema, json!.RootElement, direction));
        }
    }

    private static bool MediaTypeMatches(string declared, string actual) =>
        declared == "*/*"
        || string.Equals(declared, actual, StringComparison.OrdinalIgnoreCase)
        || (declared.EndsWith("/*", StringComparison.Ordinal) && actual.StartsWith(declared[..^1], StringComparison.OrdinalIgnoreCase));
}
