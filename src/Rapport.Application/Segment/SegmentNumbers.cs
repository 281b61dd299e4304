using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rapport.Application.Segment;

/// <summary>
/// JSON puts no limit on a number, but the hub reads numbers as decimals. A trait such as <c>"mrr": 1e400</c> (beyond
/// even a double) would otherwise be kept as text, and then every account model that reads the trait would be refused
/// for that one account. Such a call is refused at the door instead, naming the field, so the sender sees what to fix.
/// </summary>
internal static class SegmentNumbers
{
    /// <summary>The largest magnitude the hub holds as a number (decimal's range).</summary>
    private const string Limit = "±7.9e28";

    /// <summary>Why <paramref name="node"/>, found at <paramref name="path"/>, holds a number the hub cannot; null when it holds none.</summary>
    public static string? FindTooLarge(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject fields:
                foreach (var (name, value) in fields)
                {
                    if (FindTooLarge(value, $"{path}.{name}") is { } found)
                        return found;
                }

                return null;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    if (FindTooLarge(items[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")) is { } found)
                        return found;
                }

                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number && !value.TryGetValue<decimal>(out _):
                return $"{path} is {value.ToJsonString()}, a number larger than Rapport can hold ({Limit})";
            default:
                return null;
        }
    }
}
