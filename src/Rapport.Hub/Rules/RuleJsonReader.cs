using System.Text.Json;

namespace Rapport.Hub.Rules;

/// <summary>
/// Reads the JSON form: <c>{"field":"plan","op":"=","value":"Pro"}</c>, <c>{"all":[...]}</c>, <c>{"any":[...]}</c>,
/// <c>{"not":{...}}</c>. Strict, so a typo in a config file is an error and never a rule that silently matches more.
/// </summary>
internal static class RuleJsonReader
{
    private const string Shape = "expected 'field', 'op' and 'value', or one of 'all', 'any', 'not'";

    public static Condition Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException exception)
        {
            throw new RuleSyntaxException($"rule: invalid JSON: {exception.Message}", exception) { Path = "$" };
        }
    }

    public static Condition Read(JsonElement json) => Read(json, "$");

    private static Condition Read(JsonElement json, string path)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw RuleSyntaxException.AtPath($"a rule must be a JSON object, not {Describe(json.ValueKind)}", path);
        }

        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            if (property.Name is not ("field" or "op" or "value" or "all" or "any" or "not"))
            {
                throw RuleSyntaxException.AtPath($"unknown property '{property.Name}'", path, Shape);
            }

            if (!properties.TryAdd(property.Name, property.Value))
            {
                throw RuleSyntaxException.AtPath($"duplicate property '{property.Name}'", path);
            }
        }

        var groupKeys = properties.Keys.Where(key => key is "all" or "any" or "not").ToList();
        if (groupKeys.Count == 0)
        {
            return ReadField(properties, path);
        }

        if (properties.Count > 1)
        {
            throw RuleSyntaxException.AtPath($"'{groupKeys[0]}' cannot be combined with '{properties.Keys.First(key => key != groupKeys[0])}'", path, "wrap them in an 'all' or 'any' group");
        }

        var key = groupKeys[0];
        var value = properties[key];
        if (key == "not")
        {
            return new NotCondition(Read(value, $"{path}.not"));
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw RuleSyntaxException.AtPath($"'{key}' must be a list of rules, not {Describe(value.ValueKind)}", path);
        }

        var conditions = value.EnumerateArray().Select((item, index) => Read(item, $"{path}.{key}[{index}]")).ToList();
        return new GroupCondition(key == "all" ? GroupMode.All : GroupMode.Any, conditions);
    }

    private static FieldCondition ReadField(Dictionary<string, JsonElement> properties, string path)
    {
        if (!properties.TryGetValue("field", out var fieldJson))
        {
            throw RuleSyntaxException.AtPath("'field' is required", path, Shape);
        }

        if (fieldJson.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(fieldJson.GetString()))
        {
            throw RuleSyntaxException.AtPath("'field' must be a non-empty string", path);
        }

        if (!properties.TryGetValue("op", out var opJson))
        {
            throw RuleSyntaxException.AtPath("'op' is required", path, $"expected one of {RuleOperators.Expected}");
        }

        var spelling = opJson.ValueKind == JsonValueKind.String ? opJson.GetString()! : opJson.GetRawText();
        if (opJson.ValueKind != JsonValueKind.String || !RuleOperators.TryParse(spelling, out var @operator))
        {
            throw RuleSyntaxException.AtPath($"unknown operator '{spelling}'", path, $"expected one of {RuleOperators.Expected}");
        }

        var value = properties.TryGetValue("value", out var valueJson) ? ReadValue(valueJson, @operator, path) : FieldValue.Missing;
        var symbol = @operator.ToSymbol();
        if (@operator.TakesNoValue() && value.Kind != FieldValueKind.Missing)
        {
            throw RuleSyntaxException.AtPath($"'value' is not allowed for '{symbol}'", path);
        }

        if (!@operator.TakesNoValue() && value.Kind == FieldValueKind.Missing)
        {
            throw RuleSyntaxException.AtPath($"'value' is required for '{symbol}'", path);
        }

        if (@operator.TakesList() && value.Kind != FieldValueKind.List)
        {
            throw RuleSyntaxException.AtPath($"'value' must be a list for '{symbol}'", path);
        }

        if (!@operator.TakesList() && value.Kind == FieldValueKind.List)
        {
            throw RuleSyntaxException.AtPath($"'value' must not be a list for '{symbol}'", path, "use 'in' to match any of several values");
        }

        return new FieldCondition(fieldJson.GetString()!, @operator, value);
    }

    private static FieldValue ReadValue(JsonElement json, RuleOperator @operator, string path)
    {
        if (json.ValueKind == JsonValueKind.Array)
        {
            return FieldValue.List(json.EnumerateArray().Select(item => item.ValueKind is JsonValueKind.Array or JsonValueKind.Null
                ? throw RuleSyntaxException.AtPath($"the list of '{@operator.ToSymbol()}' may hold only strings, numbers and booleans", path)
                : ReadScalar(item, path)));
        }

        return ReadScalar(json, path);
    }

    private static FieldValue ReadScalar(JsonElement json, string path) => json.ValueKind switch
    {
        JsonValueKind.String => FieldValue.String(json.GetString()),
        JsonValueKind.Number => json.TryGetDecimal(out var number)
            ? FieldValue.Number(number)
            : throw RuleSyntaxException.AtPath($"the number {json.GetRawText()} is out of range", path),
        JsonValueKind.True => FieldValue.True,
        JsonValueKind.False => FieldValue.False,
        JsonValueKind.Null => throw RuleSyntaxException.AtPath("'value' cannot be null", path, "to test for an empty field use 'exists' or 'not exists'"),
        _ => throw RuleSyntaxException.AtPath($"'value' must be a string, number, boolean or list, not {Describe(json.ValueKind)}", path),
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
