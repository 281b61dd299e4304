using System.Text.Json;
using System.Text.Json.Nodes;
using Rapport.Hub.Model;

namespace Rapport.Application.Model;

/// <summary>How a definitions document is written. Both mean the same definitions; the hub keeps them as JSON.</summary>
public enum ModelFormat
{
    Json,
    Yaml,
}

/// <summary>
/// A definitions document read from JSON or YAML into the JSON the account model loads, and written back out in either.
/// YAML is converted node by node into the JSON it stands for, so there is one reading of definitions, not two; where a
/// later JSON problem names a path (<c>$.metrics[0].windowDay</c>), the YAML line and column of that path are added.
/// </summary>
public sealed partial class ModelDocument
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly Dictionary<string, (long Line, long Column)> _positions;

    private ModelDocument(string? json, IReadOnlyList<ModelProblem> problems, Dictionary<string, (long Line, long Column)> positions)
    {
        (Json, Problems, _positions) = (json, problems, positions);
    }

    /// <summary>The document as JSON; null when it could not be read (then <see cref="Problems"/> says where and why).</summary>
    public string? Json { get; }

    public IReadOnlyList<ModelProblem> Problems { get; }

    /// <summary>JSON when the text starts like a JSON object, YAML otherwise (YAML's own flow style is rare in files people write).</summary>
    public static ModelFormat Detect(string text) =>
        text.TrimStart().StartsWith('{') ? ModelFormat.Json : ModelFormat.Yaml;

    /// <summary>The format a request's media type names (<c>application/yaml</c>, <c>text/yaml</c>, <c>application/json</c>), or null.</summary>
    public static ModelFormat? FromMediaType(string? mediaType) => mediaType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "application/json" or "text/json" => ModelFormat.Json,
        "application/yaml" or "application/x-yaml" or "text/yaml" or "text/x-yaml" => ModelFormat.Yaml,
        _ => null,
    };

    /// <summary>The format a file name's extension names, or null.</summary>
    public static ModelFormat? FromFileName(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => ModelFormat.Json,
        ".yaml" or ".yml" => ModelFormat.Yaml,
        _ => null,
    };

    public static ModelDocument Read(string text, ModelFormat? format = null) =>
        (format ?? Detect(text)) == ModelFormat.Json ? new(text, [], []) : FromYaml(text);

    /// <summary>Adds the YAML line and column to a problem that names a JSON path of this document.</summary>
    public IReadOnlyList<ModelProblem> Locate(IReadOnlyList<ModelProblem> problems) =>
        _positions.Count == 0 ? problems : [.. problems.Select(Locate)];

    private ModelProblem Locate(ModelProblem problem)
    {
        const string prefix = "Document at ";
        if (!problem.Definition.StartsWith(prefix, StringComparison.Ordinal))
            return problem;
        // The reader may name a member below the last node it reached: the nearest known parent path stands for it.
        for (var path = problem.Definition[prefix.Length..]; path.Length > 0; path = Parent(path))
        {
            if (_positions.TryGetValue(path, out var at))
                return problem with { Definition = $"Document at line {at.Line}, column {at.Column} ({problem.Definition[prefix.Length..]})" };
        }

        return problem;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    /// <summary>The stored JSON document written as <paramref name="format"/>.</summary>
    public static string Write(string json, ModelFormat format)
    {
        var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return format == ModelFormat.Json ? (node?.ToJsonString(Indented) ?? "null") + "\n" : ToYaml(node);
    }
}
