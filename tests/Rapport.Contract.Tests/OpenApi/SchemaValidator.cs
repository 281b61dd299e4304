using System.Globalization;
using System.Text.Json;
using Microsoft.OpenApi;

namespace Rapport.Contract.Tests.OpenApi;

/// <summary>
/// Validates a JSON document against an OpenAPI 3.0 schema as Microsoft.OpenApi loads it: <c>$ref</c>s are resolved by the
/// library, and <c>nullable: true</c> arrives as <see cref="JsonSchemaType.Null"/> in <see cref="IOpenApiSchema.Type"/>.
/// </summary>
internal sealed partial class SchemaValidator
{
    // The spec's recursive schemas (search filters) only recurse as deep as the document does; this guards a schema loop.
    private const int MaxDepth = 64;

    private readonly SchemaDirection _direction;
    private readonly List<SchemaViolation> _violations = [];

    private SchemaValidator(SchemaDirection direction) => _direction = direction;

    public static IReadOnlyList<SchemaViolation> Validate(
        IOpenApiSchema schema,
        JsonElement document,
        SchemaDirection direction = SchemaDirection.Response,
        string path = "$")
    {
        var validator = new SchemaValidator(direction);
        validator.Check(schema, document, path, 0);
        return validator._violations;
    }

    private void Check(IOpenApiSchema schema, JsonElement value, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            Report(path, "schema nesting deeper than the document could be");
            return;
        }

        if (!MatchesType(schema.Type, value))
        {
            Report(path, $"expected {Describe(schema.Type)}, got {Describe(value)}");
            return;
        }

        // nullable: null satisfies the schema whatever else it says (OpenAPI 3.0.3 §4.7.25.1).
        if (value.ValueKind == JsonValueKind.Null && schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        {
            return;
        }

        CheckEnum(schema, value, path);
        CheckFormat(schema, value, path);
        CheckBounds(schema, value, path);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(schema, value, path, depth);
                break;
            case JsonValueKind.Array:
                CheckArray(schema, value, path, depth);
                break;
        }

        CheckComposition(schema, value, path, depth);
    }

    private void CheckObject(IOpenApiSchema schema, JsonElement value, string path, int depth)
    {
        foreach (var name in schema.Required ?? new HashSet<string>())
        {
            if (!value.TryGetProperty(name, out _) && !IsExemptFromRequired(PropertySchema(schema, name)))
            {
                Report(path, $"missing required property '{name}'");
            }
        }

        foreach (var property in value.EnumerateObject())
        {
            var propertyPath = Append(path, property.Name);
            // A typed additionalProperties is not enforced: the spec types company custom_attributes as string values
            // while its own example (and the data attribute types: integer, float, boolean...) hold numbers and booleans.
            if (schema.Properties?.TryGetValue(property.Name, out var propertySchema) == true)
            {
                Check(propertySchema, property.Value, propertyPath, depth + 1);
            }
            else if (!schema.AdditionalPropertiesAllowed)
            {
                Report(propertyPath, "property not allowed (additionalProperties: false)");
            }
        }
    }

    private void CheckArray(IOpenApiSchema schema, JsonElement value, string path, int depth)
    {
        var length = value.GetArrayLength();
        if (schema.MinItems is { } min && length < min)
        {
            Report(path, $"expected at least {min} items, got {length}");
        }

        if (schema.MaxItems is { } max && length > max)
        {
            Report(path, $"expected at most {max} items, got {length}");
        }

        if (schema.Items is not { } items)
        {
            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            Check(items, item, $"{path}[{index++}]", depth + 1);
        }
    }

    private static IOpenApiSchema? PropertySchema(IOpenApiSchema schema, string name) =>
        schema.Properties is { } properties && properties.TryGetValue(name, out var property) ? property : null;

    private bool IsExemptFromRequired(IOpenApiSchema? property) =>
        property is not null
        && ((_direction == SchemaDirection.Request && property.ReadOnly)
            || (_direction == SchemaDirection.Response && property.WriteOnly));

    private void Report(string path, string message) => _violations.Add(new SchemaViolation(path, message));

    private static string Append(string path, string property) =>
        property.Length > 0
        && (char.IsAsciiLetter(property[0]) || property[0] == '_')
        && property.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? $"{path}.{property}"
            : $"{path}['{property.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static string Quote(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 60 ? raw : string.Concat(raw.AsSpan(0, 57), "...");
    }

    private static bool TryParseDecimal(string? text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
}
