using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rapport.Hub.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Rapport.Application.Model;

public sealed partial class ModelDocument
{
    private static ModelDocument FromYaml(string text)
    {
        var positions = new Dictionary<string, (long Line, long Column)>(StringComparer.Ordinal);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 1)
                return Failed($"line {stream.Documents[1].RootNode.Start.Line}", "the file holds several YAML documents; put the definitions in one");
            var root = stream.Documents.Count == 0 ? null : ToJson(stream.Documents[0].RootNode, "$", positions);
            return new ModelDocument(root?.ToJsonString(Indented) ?? "null", [], positions);
        }
        catch (YamlException exception)
        {
            return Failed($"line {exception.Start.Line}, column {exception.Start.Column}", Describe(exception));
        }
    }

    private static ModelDocument Failed(string where, string message) =>
        new(null, [new ModelProblem($"Document at {where}", message)], []);

    // YamlDotNet's messages repeat the position ("(Line: 3, Col: 5, Idx: 40) - (…): "); the problem names it once.
    private static string Describe(YamlException exception)
    {
        var message = (exception.InnerException as YamlException ?? exception).Message;
        var colon = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (colon >= 0 ? message[(colon + 3)..] : message).Trim();
    }

    private static JsonNode? ToJson(YamlNode node, string path, Dictionary<string, (long Line, long Column)> positions)
    {
        positions[path] = (node.Start.Line, node.Start.Column);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = keyNode is YamlScalarNode { Value: { } name }
                        ? name
                        : throw new YamlException(keyNode.Start, keyNode.End, "a key must be a plain name");
                    if (obj.ContainsKey(key))
                        throw new YamlException(keyNode.Start, keyNode.End, $"the key '{key}' appears twice");
                    obj[key] = ToJson(valueNode, $"{path}.{key}", positions);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                    array.Add(ToJson(item, $"{path}[{array.Count}]", positions));
                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new YamlException(node.Start, node.End, "aliases and anchors are not supported in definitions");
        }
    }

    /// <summary>A scalar as YAML 1.2's core schema reads it: a quoted scalar is always text; a plain one may be null, a boolean or a number.</summary>
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
            return JsonValue.Create(value);
        if (value is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
            return JsonValue.Create(value[0] is 't' or 'T');
        if (NumberPattern().IsMatch(value))
        {
            if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                return JsonValue.Create(integer);
            if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex NumberPattern();

    private static string ToYaml(JsonNode? node)
    {
        var serializer = new SerializerBuilder().WithQuotingNecessaryStrings().Build();
        return serializer.Serialize(ToPlain(node));
    }

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetValue<long>(out var l) ? l : value.GetValue<decimal>(),
            _ => null,
        },
        _ => null,
    };
}
