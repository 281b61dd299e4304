using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Rapport.Contract.Tests.OpenApi;

internal sealed partial class SchemaValidator
{
    private static readonly (JsonSchemaType Flag, string Name)[] TypeNames =
    [
        (JsonSchemaType.Object, "object"),
        (JsonSchemaType.Array, "array"),
        (JsonSchemaType.String, "string"),
        (JsonSchemaType.Integer, "integer"),
        (JsonSchemaType.Number, "number"),
        (JsonSchemaType.Boolean, "boolean"),
        (JsonSchemaType.Null, "null"),
    ];

    private static bool MatchesType(JsonSchemaType? declared, JsonElement value)
    {
        // No type, or only "nullable" (a $ref/allOf with nullable: true beside it): the type is up to the subschemas.
        if (declared is not { } type || type == JsonSchemaType.Null)
        {
            return true;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Object => type.HasFlag(JsonSchemaType.Object),
            JsonValueKind.Array => type.HasFlag(JsonSchemaType.Array),
            JsonValueKind.String => type.HasFlag(JsonSchemaType.String),
            JsonValueKind.True or JsonValueKind.False => type.HasFlag(JsonSchemaType.Boolean),
            JsonValueKind.Null => type.HasFlag(JsonSchemaType.Null),
            JsonValueKind.Number => type.HasFlag(JsonSchemaType.Number) || (type.HasFlag(JsonSchemaType.Integer) && IsIntegral(value)),
            _ => false,
        };
    }

    // JSON Schema counts 1.0 as an integer: integer-ness is the value's, not the token's.
    private static bool IsIntegral(JsonElement number) =>
        number.TryGetInt64(out _)
        || (TryParseDecimal(number.GetRawText(), out var exact) ? exact == decimal.Truncate(exact) : double.IsInteger(number.GetDouble()));

    private static string Describe(JsonSchemaType? declared) =>
        string.Join(" or ", TypeNames.Where(t => declared?.HasFlag(t.Flag) == true).Select(t => t.Name));

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => IsIntegral(value) ? "number" : $"number {Quote(value)}",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => value.ValueKind.ToString(),
    };

    private void CheckEnum(IOpenApiSchema schema, JsonElement value, string path)
    {
        if (schema.Enum is not { Count: > 0 } allowed || allowed.Any(candidate => SameJson(candidate, value)))
        {
            return;
        }

        var listed = string.Join(", ", allowed.Take(12).Select(a => a?.ToJsonString() ?? "null"));
        Report(path, $"expected one of [{listed}{(allowed.Count > 12 ? ", ..." : "")}], got {Quote(value)}");
    }

    private static bool SameJson(JsonNode? candidate, JsonElement value)
    {
        using var parsed = JsonDocument.Parse(candidate?.ToJsonString() ?? "null");
        return JsonElement.DeepEquals(parsed.RootElement, value);
    }

    private void CheckFormat(IOpenApiSchema schema, JsonElement value, string path)
    {
        // Loose on purpose: Intercom puts format: date-time on unix-second integers too, and those only need to be integers.
        if (value.ValueKind == JsonValueKind.String
            && schema.Format == "date-time"
            && !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            Report(path, $"expected a date-time, got {Quote(value)}");
        }
    }

    private void CheckBounds(IOpenApiSchema schema, JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Number && TryParseDecimal(value.GetRawText(), out var number))
        {
            if (TryParseDecimal(schema.Minimum, out var minimum) && number < minimum)
            {
                Report(path, $"expected at least {schema.Minimum}, got {Quote(value)}");
            }

            if (TryParseDecimal(schema.Maximum, out var maximum) && number > maximum)
            {
                Report(path, $"expected at most {schema.Maximum}, got {Quote(value)}");
            }
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text)
        {
            if (schema.MinLength is { } minLength && text.Length < minLength)
            {
                Report(path, $"expected at least {minLength} characters, got {text.Length}");
            }

            if (schema.MaxLength is { } maxLength && text.Length > maxLength)
            {
                Report(path, $"expected at most {maxLength} characters, got {text.Length}");
            }
        }
    }
}
