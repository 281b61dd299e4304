using System.Text.Json.Nodes;

namespace Rapport.Sync.Segment;

/// <summary>
/// identify and group send the traits that changed, not all of them (https://segment.com/docs/connections/spec/group/):
/// a trait the call does not send keeps its stored value, one it sends as null is cleared. A group call that replaced
/// them all erased an account's name, plan and MRR when it sent only its industry (issue 15).
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
