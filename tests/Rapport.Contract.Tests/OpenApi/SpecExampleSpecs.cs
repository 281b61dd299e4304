using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Rapport.Contract.Tests.Client;

namespace Rapport.Contract.Tests.OpenApi;

/// <summary>The validator is checked on Intercom's own examples: they must pass, and each wrongly typed field must not.</summary>
public sealed class SpecExampleSpecs(SpecFixture spec)
{
    public static TheoryData<string> OperationsRapportUses => [.. ClientOperations.All.Select(o => o.ToString())];

    private static OperationKey Key(string operation) => operation.Split(' ', 2) is [var method, var template]
        ? new OperationKey(new HttpMethod(method), template)
        : throw new ArgumentException(operation, nameof(operation));

    [Theory]
    [MemberData(nameof(OperationsRapportUses))]
    public void The_spec_examples_of_an_operation_Rapport_uses_conform(string operation)
    {
        var exchanges = SpecExamples.Exchanges(spec.Contract, Key(operation)).Select(e => e.Exchange).ToList();

        var shipped = ShippedInconsistencies.GetValueOrDefault(operation) ?? [];
        var violations = exchanges.SelectMany(spec.Contract.Validate)
            .Where(v => !shipped.Any(fragment => v.ToString().Contains(fragment, StringComparison.Ordinal)))
            .ToList();

        exchanges.ShouldNotBeEmpty();
        ContractAssert.Conforms(violations, exchanges.Count);
    }

    /// <summary>
    /// Examples of the 2.16 spec that contradict its own schemas, so that every other violation still fails. The conversation
    /// example sends null where a <c>$ref</c> stands (a <c>nullable</c> beside a <c>$ref</c> is ignored in OpenAPI 3.0) and
    /// numeric part ids where the schema says string; the GET /events example request carries no query at all.
    /// </summary>
    private static readonly Dictionary<string, string[]> ShippedInconsistencies = new(StringComparer.Ordinal)
    {
        ["GET /conversations/{conversation_id}"] =
        [
            "$.ai_agent: expected object, got null", "assigned_to: expected object, got null", "email_message_metadata: expected object, got null",
            "event_details: expected object, got null", ".id: expected string, got number",
        ],
        ["GET /conversations"] = ["].ai_agent: expected object, got null"],
        ["POST /conversations/search"] = ["].ai_agent: expected object, got null"],
        ["GET /events"] = ["query filter: matches none of oneOf", "query type: required, missing"],
        ["POST /conversations/{conversation_id}/reply"] =
        [
            "$.ai_agent: expected object, got null", "assigned_to: expected object, got null", "email_message_metadata: expected object, got null",
        ],
        // The /messages request examples are contact-initiated messages (from a user, by string id), which
        // create_message_request (from an admin, by integer id, with a message_type) does not describe.
        ["POST /messages"] = ["$.from.id: expected integer, got string", "$.from.type: expected one of [\"admin\"], got \"user\"", "$: matches none of anyOf"],
    };

    [Theory]
    [MemberData(nameof(OperationsRapportUses))]
    public void Every_wrongly_typed_field_of_those_examples_is_caught(string operation)
    {
        var missed = new List<string>();
        var mutations = 0;
        foreach (var (name, schema, example) in SpecExamples.SuccessfulResponses(spec.Contract, Key(operation)))
        {
            foreach (var (path, wrong) in Mutations(schema, example, "$"))
            {
                mutations++;
                var mutated = Replace(example, path, wrong);

                var violations = SchemaValidator.Validate(schema, mutated);

                if (!violations.Any(v => v.Path == path || v.Path.StartsWith(path + ".", StringComparison.Ordinal) || v.Message.Contains(path, StringComparison.Ordinal)))
                {
                    missed.Add($"{name} {path} = {wrong.ToJsonString()}");
                }
            }
        }

        if (Key(operation) == new OperationKey(HttpMethod.Post, "/events"))
        {
            // 202 with an empty body (spec POST /events): nothing to mutate.
            mutations.ShouldBe(0);
            return;
        }

        mutations.ShouldBeGreaterThan(0, "the examples of this operation have no typed field to mutate");
        missed.ShouldBeEmpty($"{missed.Count} of {mutations} wrongly typed fields passed validation");
    }

    [Fact]
    public void The_validator_catches_the_inconsistencies_the_spec_itself_ships()
    {
        // PUT /admins/{admin_id}/away's example answers away_status_reason_id as a string; the schema says integer.
        var (_, exchange) = SpecExamples.Exchanges(spec.Contract, new OperationKey(HttpMethod.Put, "/admins/{admin_id}/away"))
            .Single(e => e.Name.StartsWith("200", StringComparison.Ordinal));

        var violations = spec.Contract.Validate(exchange);

        violations.Select(v => v.ToString()).ShouldContain("response PUT /admins/{admin_id}/away 200 $.away_status_reason_id: expected integer or null, got string");
    }

    /// <summary>Each scalar field with one concrete type, set to a value of another type.</summary>
    private static IEnumerable<(string Path, JsonNode Wrong)> Mutations(IOpenApiSchema schema, JsonNode? node, string path)
    {
        foreach (var part in schema.AllOf ?? [])
        {
            foreach (var nested in Mutations(part, node, path))
            {
                yield return nested;
            }
        }

        if (node is JsonObject json && schema.Properties is { } properties && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 })
        {
            foreach (var (name, value) in json)
            {
                if (!properties.TryGetValue(name, out var property) || !IsIdentifier(name))
                {
                    continue;
                }

                var childPath = $"{path}.{name}";
                if (WrongValueFor(property) is { } wrong && value is JsonValue)
                {
                    yield return (childPath, wrong);
                }

                foreach (var nested in Mutations(property, value, childPath))
                {
                    yield return nested;
                }
            }
        }
        else if (node is JsonArray { Count: > 0 } array && schema.Items is { } items)
        {
            foreach (var nested in Mutations(items, array[0], $"{path}[0]"))
            {
                yield return nested;
            }
        }
    }

    private static JsonNode? WrongValueFor(IOpenApiSchema schema)
    {
        if (schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 } || schema.AllOf is { Count: > 0 })
        {
            return null;
        }

        return (schema.Type & ~JsonSchemaType.Null) switch
        {
            JsonSchemaType.String => JsonValue.Create(12345),
            JsonSchemaType.Integer => JsonValue.Create("12345"),
            JsonSchemaType.Number => JsonValue.Create("1.5"),
            JsonSchemaType.Boolean => JsonValue.Create("true"),
            _ => null,
        };
    }

    private static JsonElement Replace(JsonNode example, string path, JsonNode wrong)
    {
        var copy = example.DeepClone();
        var steps = path[2..].Replace("[", ".[", StringComparison.Ordinal).Split('.');
        var parent = copy;
        foreach (var step in steps[..^1])
        {
            parent = step.StartsWith('[') ? parent![int.Parse(step[1..^1], System.Globalization.CultureInfo.InvariantCulture)] : parent![step];
        }

        parent![steps[^1]] = wrong.DeepClone();
        return JsonSerializer.SerializeToElement(copy);
    }

    private static bool IsIdentifier(string name) => name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
