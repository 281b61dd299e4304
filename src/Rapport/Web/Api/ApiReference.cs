using Microsoft.OpenApi;

namespace Rapport.Web.Api;

/// <summary>
/// The REST API's reference as the <c>/api</c> page shows it, read from the same OpenAPI document that
/// <c>/openapi/v1.json</c> serves, so the page can never describe an API other than the one running.
/// </summary>
internal sealed record ApiReference(string Title, string? Description, IReadOnlyList<ApiOperation> Operations, IReadOnlyList<ApiSchema> Schemas)
{
    public static ApiReference From(OpenApiDocument document)
    {
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                operations.Add(new ApiOperation(
                    operation.Tags?.FirstOrDefault()?.Name ?? "Other",
                    method.Method,
                    path,
                    operation.Summary ?? operation.Description,
                    [.. (operation.Parameters ?? []).Select(p => new ApiField(p.Name ?? "", $"{p.In?.ToString().ToLowerInvariant()}", Describe(p.Schema), p.Required))],
                    operation.RequestBody?.Content?.Values.FirstOrDefault()?.Schema is { } body ? Describe(body) : null,
                    [.. (operation.Responses ?? []).Select(r => new ApiResponse(r.Key, r.Value.Description, r.Value.Content?.Values.FirstOrDefault()?.Schema is { } s ? Describe(s) : null))]));
            }
        }

        var schemas = (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new ApiSchema(pair.Key, [.. (pair.Value.Properties ?? new Dictionary<string, IOpenApiSchema>())
                .Select(p => new ApiField(p.Key, "", Describe(p.Value), pair.Value.Required?.Contains(p.Key) == true))]))
            .ToList();

        return new ApiReference(document.Info?.Title ?? "API", document.Info?.Description,
            [.. operations.OrderBy(o => o.Tag, StringComparer.Ordinal).ThenBy(o => o.Path, StringComparer.Ordinal)], schemas);
    }

    /// <summary>A schema as a reader wants it: a type name, <c>T[]</c>, or a primitive with its format.</summary>
    public static string Describe(IOpenApiSchema? schema)
    {
        switch (schema)
        {
            case null:
                return "";
            case OpenApiSchemaReference reference:
                return reference.Reference?.Id ?? "object";
        }

        var type = schema.Type ?? 0;
        var nullable = type.HasFlag(JsonSchemaType.Null) ? "?" : "";
        if (type.HasFlag(JsonSchemaType.Array))
            return Describe(schema.Items) + "[]" + nullable;
        if (schema.OneOf is { Count: > 0 } oneOf)
            return string.Join(" | ", oneOf.Select(Describe));
        var name = (type & ~JsonSchemaType.Null) switch
        {
            JsonSchemaType.String => schema.Format is { } format ? $"string ({format})" : "string",
            JsonSchemaType.Integer => "integer",
            JsonSchemaType.Number => "number",
            JsonSchemaType.Boolean => "boolean",
            JsonSchemaType.Object => schema.AdditionalProperties is { } values ? $"map of {Describe(values)}" : "object",
            _ when type.HasFlag(JsonSchemaType.Integer) => "integer",
            _ when type.HasFlag(JsonSchemaType.String) => "string",
            _ => "any",
        };
        return name + nullable;
    }
}

internal sealed record ApiOperation(
    string Tag, string Method, string Path, string? Summary, IReadOnlyList<ApiField> Parameters, string? RequestBody, IReadOnlyList<ApiResponse> Responses);

internal sealed record ApiField(string Name, string Location, string Type, bool Required);

internal sealed record ApiResponse(string Status, string? Description, string? Type);

internal sealed record ApiSchema(string Name, IReadOnlyList<ApiField> Properties);
