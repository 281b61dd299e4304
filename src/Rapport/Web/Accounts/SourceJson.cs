using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rapport.Web.Accounts;

/// <summary>How the pages show what a source sent: custom attributes as name/value rows, raw objects indented.</summary>
internal static class SourceJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON object's properties in name order; strings as they are, other values as JSON.</summary>
    public static IReadOnlyList<(string Name, string Value)> Attributes(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            return [];
        return [.. document.RootElement.EnumerateObject()
            .Select(p => (p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()))
            .OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    public static string Pretty(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, Indented);
    }

    public static string Time(DateTimeOffset? value) => value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public static string Money(decimal? value) => value is { } v ? v.ToString("N2", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
