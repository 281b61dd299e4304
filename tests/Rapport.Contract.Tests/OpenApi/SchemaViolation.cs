namespace Rapport.Contract.Tests.OpenApi;

/// <summary>A JSON document departing from a schema at <see cref="Path"/> (JSONPath, <c>$</c> = the document).</summary>
internal sealed record SchemaViolation(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
