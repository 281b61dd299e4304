using System.Text.Json.Nodes;

namespace Rapport.Application.Segment;

/// <summary>
/// identify and group send the traits that changed, not all of them (https://segment.com/docs/connections/spec/group/):
/// a trait the call does not send keeps its stored value, one it sends as null is cleared. Replacing them all would
/// erase an account's name, plan and MRR whenever a group call sent only its industry.
/// </summary>
internal static class SegmentTraits
{
    /// <param name="stored">The traits as last kept (a JSON object), or null for a record seen for the first time.</param>
    public static JsonObject Merge(string? stored, JsonObject? incoming)
    {
        var traits = stored is null ? [] : JsonNode.Parse(stored) as JsonObject ?? [];
        foreach (var (key, value) in incoming ?? [])
            traits[key] = value?.DeepClone();
        return traits;
    }
}
