using System.Text.Json;

namespace Rapport.Hub.Model;

public sealed partial record ModelDefinitions
{
    /// <summary>
    /// A saved document's definitions without validating them against today's catalog (an event may have been purged
    /// since), or null when the text is not a definitions document: for comparing versions, never for evaluating.
    /// </summary>
    public static ModelDefinitions? TryRead(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return JsonSerializer.Deserialize(json, ModelJsonContext.Default.ModelDefinitions)?.WithEmptyLists();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
