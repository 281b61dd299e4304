using System.Text.Json;
using Microsoft.OpenApi;

namespace Rapport.Contract.Tests.OpenApi;

internal sealed partial class SchemaValidator
{
    private void CheckComposition(IOpenApiSchema schema, JsonElement value, string path, int depth)
    {
        foreach (var part in schema.AllOf ?? [])
        {
            Check(part, value, path, depth + 1);
        }

        CheckAlternatives("anyOf", schema.AnyOf, value, path, depth);

        // oneOf is read as anyOf: the spec's alternatives are open objects (no additionalProperties: false), so a
        // document that fits one usually fits several, and "exactly one" would reject what Intercom itself sends.
        CheckAlternatives("oneOf", schema.OneOf, value, path, depth);
    }

    private void CheckAlternatives(string keyword, IList<IOpenApiSchema>? alternatives, JsonElement value, string path, int depth)
    {
        if (alternatives is not { Count: > 0 })
        {
            return;
        }

        IReadOnlyList<SchemaViolation>? closest = null;
        IOpenApiSchema? closestSchema = null;
        foreach (var alternative in alternatives)
        {
            var attempt = new SchemaValidator(_direction);
            attempt.Check(alternative, value, path, depth + 1);
            if (attempt._violations.Count == 0)
            {
                return;
            }

            if (closest is null || attempt._violations.Count < closest.Count)
            {
                (closest, closestSchema) = (attempt._violations, alternative);
            }
        }

        var names = string.Join(", ", alternatives.Select(Name));
        var why = string.Join("; ", closest!.Take(3));
        Report(path, $"matches none of {keyword} [{names}]; closest is {Name(closestSchema!)}: {why}");
    }

    private static string Name(IOpenApiSchema schema) => schema switch
    {
        OpenApiSchemaReference reference => reference.Reference.Id ?? "$ref",
        { Title: { Length: > 0 } title } => $"'{title}'",
        _ => Describe(schema.Type) is { Length: > 0 } type ? type : "schema",
    };
}
