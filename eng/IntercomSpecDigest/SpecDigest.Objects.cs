using System.Globalization;
using System.Text.Json.Nodes;

namespace Rapport.IntercomSpecDigest;

/// <summary>One method per kind of OpenAPI 3.0 object, so that a key is read as the keyword it is where it stands.</summary>
public static partial class SpecDigest
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private static JsonNode PathItem(string path, JsonNode item)
    {
        var digest = new JsonObject();
        var anyExamples = Methods.Any(m => ExampleOperations.Contains($"{m.ToUpperInvariant()} {path}"));
        foreach (var (key, value) in item.AsObject())
        {
            if (Methods.Contains(key))
            {
                digest[key] = Operation(value!, ExampleOperations.Contains($"{key.ToUpperInvariant()} {path}"));
            }
            else if (key == "parameters")
            {
                digest[key] = Array(value, p => Parameter(p, anyExamples));
            }
            else if (key is "$ref" or "servers")
            {
                digest[key] = Copy(value);
            }
        }

        return digest;
    }

    private static JsonNode Operation(JsonNode operation, bool keepExamples) =>
        Rebuild(operation, (key, value) => key switch
        {
            "operationId" or "deprecated" or "security" => Copy(value),
            "parameters" => Array(value, p => Parameter(p, keepExamples)),
            "requestBody" => RequestBody(value!, keepExamples),
            // In status order: a JSON conversion made in JavaScript has already moved integer-like keys first.
            "responses" => new JsonObject(value!.AsObject().OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => KeyValuePair.Create(r.Key, (JsonNode?)Response(r.Value!, keepExamples)))),
            _ => Drop,
        });

    /// <summary>A parameter, or a header (a parameter without name and in).</summary>
    private static JsonNode Parameter(JsonNode parameter, bool keepExamples) =>
        Rebuild(parameter, (key, value) => key switch
        {
            "schema" => Schema(value!),
            "content" => Map(value, m => MediaType(m, keepExamples)),
            "example" when keepExamples => Copy(value),
            "examples" when keepExamples => Map(value, Example),
            "description" or "example" or "examples" => Drop,
            _ when key.StartsWith("x-", StringComparison.Ordinal) => Drop,
            _ => Copy(value),
        });

    private static JsonNode RequestBody(JsonNode body, bool keepExamples) =>
        Rebuild(body, (key, value) => key switch
        {
            "content" => Map(value, m => MediaType(m, keepExamples)),
            "required" or "$ref" => Copy(value),
            _ => Drop,
        });

    private static JsonNode Response(JsonNode response, bool keepExamples)
    {
        if (response["$ref"] is { } reference)
        {
            return new JsonObject { ["$ref"] = Copy(reference) };
        }

        // OpenAPI 3.0 requires a response's description; the digest keeps the key and drops the words.
        var digest = new JsonObject { ["description"] = "" };
        foreach (var (key, value) in response.AsObject())
        {
            if (key == "headers")
            {
                digest[key] = Map(value, h => Parameter(h, keepExamples));
            }
            else if (key == "content")
            {
                digest[key] = Map(value, m => MediaType(m, keepExamples));
            }
        }

        return digest;
    }

    private static JsonNode MediaType(JsonNode mediaType, bool keepExamples)
    {
        var digest = new JsonObject();
        foreach (var (key, value) in mediaType.AsObject())
        {
            if (key == "schema")
            {
                digest[key] = Schema(value!);
            }
            else if (key == "encoding" || (key == "example" && keepExamples))
            {
                digest[key] = Copy(value);
            }
            else if (key == "examples" && keepExamples)
            {
                digest[key] = Map(value, Example);
            }
        }

        return digest;
    }

    private static JsonNode Example(JsonNode example) => Keep(example, "$ref", "value", "externalValue");

    private static JsonNode Schema(JsonNode schema)
    {
        if (schema is not JsonObject)
        {
            return Copy(schema)!; // additionalProperties: true/false
        }

        return Rebuild(schema, (key, value) => key switch
        {
            "title" or "description" or "example" or "externalDocs" or "xml" => Drop,
            _ when key.StartsWith("x-", StringComparison.Ordinal) => Drop,
            "properties" => Map(value, Schema),
            "items" or "not" or "additionalProperties" => Schema(value!),
            "allOf" or "oneOf" or "anyOf" => Array(value, Schema),
            _ => Copy(value),
        });
    }

    /// <summary>Returned by a keyword function for a key the digest leaves out (null is a value: a default of null is a fact).</summary>
    private static readonly JsonObject Drop = [];

    private static JsonObject Rebuild(JsonNode node, Func<string, JsonNode?, JsonNode?> keyword)
    {
        var digest = new JsonObject();
        foreach (var (key, value) in node.AsObject())
        {
            var kept = keyword(key, value);
            if (!ReferenceEquals(kept, Drop))
            {
                digest[key] = kept;
            }
        }

        return digest;
    }

    private static JsonNode Keep(JsonNode node, params string[] keys) =>
        Rebuild(node, (key, value) => keys.Contains(key) ? Copy(value) : Drop);

    private static JsonNode Without(JsonNode node, string key) =>
        Rebuild(node, (name, value) => name == key || name.StartsWith("x-", StringComparison.Ordinal) ? Drop : Copy(value));

    private static JsonObject Map(JsonNode? map, Func<JsonNode, JsonNode> entry) =>
        new(map!.AsObject().Select(e => KeyValuePair.Create(e.Key, (JsonNode?)entry(e.Value!))));

    private static JsonArray Array(JsonNode? array, Func<JsonNode, JsonNode> item) =>
        new([.. array!.AsArray().Select(i => (JsonNode?)item(i!))]);

    /// <summary>
    /// A deep copy with numbers written one way (40.0 and 40 are one number), so the YAML original and its JSON
    /// conversion give the same digest.
    /// </summary>
    private static JsonNode? Copy(JsonNode? node) => node switch
    {
        null => null,
        JsonObject json => new JsonObject(json.Select(p => KeyValuePair.Create(p.Key, Copy(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Copy)]),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number => JsonNode.Parse(CanonicalNumber(value.ToJsonString())),
        _ => node.DeepClone(),
    };

    private static string CanonicalNumber(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            ? (exact == decimal.Truncate(exact) ? decimal.Truncate(exact).ToString(CultureInfo.InvariantCulture) : exact.ToString(CultureInfo.InvariantCulture).TrimEnd('0'))
            : double.Parse(text, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
}
