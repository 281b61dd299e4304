using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rapport.IntercomSpecDigest;

/// <summary>
/// Reads an OpenAPI description as JSON, from either form Intercom's repository ships: the YAML original, or the same
/// document converted to JSON. Plain YAML scalars are typed by the YAML 1.2 core schema, as js-yaml types them.
/// </summary>
public static partial class SpecReader
{
    public static JsonNode Read(string path)
    {
        var text = File.ReadAllText(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => JsonNode.Parse(text) ?? throw new InvalidDataException("the file holds JSON null, not an OpenAPI description"),
            ".yaml" or ".yml" => FromYaml(text),
            var other => throw new InvalidDataException($"'{other}' is neither .yaml nor .json"),
        };
    }

    public static JsonNode FromYaml(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new InvalidDataException($"not valid YAML at line {exception.Start.Line}: {exception.Message}", exception);
        }

        return stream.Documents is [var document]
            ? Convert(document.RootNode) ?? throw new InvalidDataException("the document is empty")
            : throw new InvalidDataException($"expected one YAML document, found {stream.Documents.Count}");
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", Convert(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidDataException($"unsupported YAML node at line {node.Start.Line}: {node.NodeType}"),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when Number().IsMatch(value) => JsonNode.Parse(value.TrimStart('+')),
            _ when value.StartsWith("0x", StringComparison.Ordinal)
                && long.TryParse(value[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) => JsonValue.Create(hex),
            _ => JsonValue.Create(value),
        };
    }

    // The core schema's int and float forms that JSON can also write (leading zeros and bare dots aside).
    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex Number();
}
