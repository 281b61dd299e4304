using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Rapport.Contract.Tests.OpenApi;

/// <summary>
/// Intercom's official OpenAPI description (2.16, as its committed digest) as a test oracle: given one HTTP exchange, it lists every way the
/// request and the response depart from the spec.
/// </summary>
internal sealed partial class OpenApiContract
{
    private readonly IReadOnlyList<PathTemplate> _templates;

    private OpenApiContract(OpenApiDocument document)
    {
        Document = document;
        _templates = [.. document.Paths.Select(p => PathTemplate.Parse(p.Key, p.Value))];
    }

    public OpenApiDocument Document { get; }

    public IOpenApiSchema ErrorSchema => Document.Components?.Schemas?["error"]
        ?? throw new InvalidOperationException("The spec has no components.schemas.error.");

    public static Task<OpenApiContract> LoadAsync(CancellationToken cancellationToken = default) =>
        LoadAsync(SpecFile.Digest, cancellationToken);

    public static async Task<OpenApiContract> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var (document, diagnostic) = await OpenApiDocument.LoadAsync(path, new OpenApiReaderSettings(), cancellationToken);
        if (document is null || diagnostic?.Errors is { Count: > 0 })
        {
            var errors = string.Join("; ", diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? []);
            throw new InvalidOperationException($"{path} does not load as OpenAPI: {errors}");
        }

        return new OpenApiContract(document);
    }

    /// <summary>The spec operation an exchange belongs to, or null when its path or method is not in the spec.</summary>
    public OperationKey? Identify(HttpMethod method, string pathAndQuery) =>
        FindRoute(method, pathAndQuery.Split('?', 2)[0]) is { Operation: not null } route ? route.Key : null;

    public IReadOnlyList<ContractViolation> Validate(HttpExchange exchange)
    {
        var violations = new List<ContractViolation>();
        var route = FindRoute(exchange.Method, exchange.Path);
        var actual = $"{exchange.Method.Method.ToUpperInvariant()} {exchange.Path}";
        if (route is null)
        {
            violations.Add(new(ExchangeSide.Request, actual, "path", "matches no path of the spec"));
            return violations;
        }

        if (route.Operation is null)
        {
            var declared = string.Join(", ", route.Template.Item.Operations?.Keys.Select(m => m.Method.ToUpperInvariant()) ?? []);
            violations.Add(new(ExchangeSide.Request, $"{actual} ({route.Template.Template})", "method", $"not declared for this path (declared: {declared})"));
            return violations;
        }

        var request = new Sink(violations, ExchangeSide.Request, route.Key.ToString());
        CheckPathParameters(route, request);
        CheckQuery(route, exchange, request);
        CheckHeaders(route, exchange, request);
        CheckSecurity(route, exchange, request);
        CheckRequestBody(route, exchange, request);
        CheckResponse(route, exchange, new Sink(violations, ExchangeSide.Response, $"{route.Key} {exchange.StatusCode}"));
        return violations;
    }

    private static bool TryParseJson(string text, out JsonDocument? json, out string? error)
    {
        try
        {
            json = JsonDocument.Parse(text);
            error = null;
            return true;
        }
        catch (JsonException exception)
        {
            json = null;
            error = exception.Message;
            return false;
        }
    }

    /// <summary>Collects the violations of one side of the exchange under one operation label.</summary>
    private sealed class Sink(List<ContractViolation> violations, ExchangeSide side, string operation)
    {
        public void Add(string where, string message) => violations.Add(new(side, operation, where, message));

        public void AddAll(string prefix, IEnumerable<SchemaViolation> found)
        {
            foreach (var violation in found)
            {
                Add(prefix.Length == 0 ? violation.Path : prefix + violation.Path.TrimStart('$'), violation.Message);
            }
        }
    }
}
